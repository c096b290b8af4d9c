package org.ipaserver.monitor;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ipaserver.security.Rights;

/**
 * The monitor's WebSocket handshake. A browser sends every page's WebSocket to any site it is
 * asked to, with the user's cookie, and no CORS check applies: so the page must be this server's.
 * The Origin a browser sends must name the host the request came to (its Host header), or one of
 * {@value #ORIGINS}; any other is refused with 403 before anything is read. A client that is not
 * a browser sends no Origin and signs in with HTTP Basic. Who connects (the web.xml constraint
 * made sure someone did) and their application roles are taken from the handshake.
 */
public class MonitorHandshake extends ServerEndpointConfig.Configurator {

    /** Extra origins allowed (comma-separated, e.g. https://ipa.example.com behind a proxy). */
    public static final String ORIGINS = "ipa.web.monitorOrigins";
    static final String VIEWER = Viewer.class.getName();

    private static final Set<String> ROLES = Set.of(Rights.LAUNCH, Rights.VIEW, Rights.MANAGE, Rights.DESIGN,
            Rights.ADMIN);

    @Override
    public boolean checkOrigin(String origin) {
        if (origin == null) {
            return true;
        }
        String host;
        try {
            host = CDI.current().select(HttpServletRequest.class).get().getHeader("Host");
        } catch (RuntimeException e) {
            host = null; // no request in reach: only the configured origins
        }
        return sameHost(origin, host) || configured().contains(origin.toLowerCase(Locale.ROOT));
    }

    /** Whether the origin's host and port are those the request was sent to. */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            var uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            var authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            var defaultPort = "https".equals(uri.getScheme()) ? ":443" : ":80";
            var requested = host.toLowerCase(Locale.ROOT);
            return authority.equalsIgnoreCase(requested) || (authority + defaultPort).equalsIgnoreCase(requested);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> configured() {
        return ConfigProvider.getConfig().getOptionalValue(ORIGINS, String.class)
                .map(list -> new HashSet<>(Arrays.stream(list.split(",")).map(String::trim)
                        .map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList()))
                .map(Set::copyOf).orElse(Set.of());
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        var principal = request.getUserPrincipal();
        if (principal != null) {
            var roles = ROLES.stream().filter(request::isUserInRole).toList();
            config.getUserProperties().put(VIEWER, new Viewer(principal.getName(), Set.copyOf(roles)));
        }
    }
}
