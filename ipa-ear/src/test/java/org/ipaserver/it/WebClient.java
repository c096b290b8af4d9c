package org.ipaserver.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What a browser does with the web module, by hand: it signs in with the client's form (POST
 * /ipa/session), keeps the session cookie and sends it back, with or without the CSRF token; or it
 * sends HTTP Basic. Requests go exactly as given (content type, body), so that tests can send what
 * another site's page could.
 *
 * <pre>
 * var web = WebClient.at(contextRoot);             // or .overHttps(): the domain's secure listener
 * web.signIn("alice", "alice");
 * web.send("POST", "api/flows", "application/json", body, web.token());
 * </pre>
 */
final class WebClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI root;
    private final HttpClient http;
    private String cookie;
    private String token;
    private String authorization;
    private boolean asClient;

    private WebClient(URI root, HttpClient http) {
        this.root = root;
        this.http = http;
    }

    /** The web module whose context root is given (http://localhost:PORT/ipa/). */
    static WebClient at(URL contextRoot) {
        var root = contextRoot.toString();
        return new WebClient(URI.create(root.endsWith("/") ? root : root + "/"),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** The same module on the domain's HTTPS listener (the HTTP port + 1, self-signed certificate). */
    WebClient overHttps() {
        var https = URI.create("https://" + root.getHost() + ":" + (root.getPort() + 1) + root.getPath());
        return new WebClient(https, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(trustingAnyCertificate()).build());
    }

    /** A copy that sends HTTP Basic with every request, and no cookie. */
    WebClient basic(String user, String password) {
        var copy = new WebClient(root, http);
        copy.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    /** A copy that says it is the browser client (X-Requested-With), as its script does. */
    WebClient asClient() {
        var copy = new WebClient(root, http);
        copy.asClient = true;
        copy.cookie = cookie;
        copy.token = token;
        return copy;
    }

    /** Signs in with the client's form; a session cookie and token are kept from a 200. */
    Api.Response signIn(String user, String password) {
        var answer = send("POST", "session", "application/json",
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        if (answer.status() == 200) {
            var header = sessionCookieHeader(answer);
            cookie = header.split(";", 2)[0];
            token = answer.json().getString("csrfToken");
        }
        return answer;
    }

    String token() {
        return token;
    }

    /** The Set-Cookie header of the session cookie in an answer. */
    String sessionCookieHeader(Api.Response answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers()));
    }

    Api.Response get(String path) {
        return send("GET", path, null, null, null);
    }

    /** A request exactly as given: no content type unless {@code contentType}, no token unless {@code csrfToken}. */
    Api.Response send(String method, String path, String contentType, String body, String csrfToken) {
        var request = HttpRequest.newBuilder(root.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (asClient) {
            request.header("X-Requested-With", "ipa-client");
        }
        try {
            var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(answer.statusCode(), answer.body(), answer.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + root.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + root.resolve(path) + " interrupted", e);
        }
    }

    /** The test domain's certificate is self-signed, for another host name: tests trust it as it is. */
    private static SSLContext trustingAnyCertificate() {
        var trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
