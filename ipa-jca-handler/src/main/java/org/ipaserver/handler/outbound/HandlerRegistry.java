package org.ipaserver.handler.outbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipaserver.handler.UnknownHandlerException;
import org.ipaserver.handler.spi.Handler;

/** The installed handlers by name, found once when the adapter starts. */
public class HandlerRegistry {

    private static final Logger LOG = Logger.getLogger(HandlerRegistry.class.getName());

    private final Map<String, Handler> byName;

    public HandlerRegistry(Iterable<? extends Handler> handlers) {
        var map = new TreeMap<String, Handler>();
        for (Handler handler : handlers) {
            var name = handler.name();
            if (name == null || name.isBlank()) {
                LOG.warning(() -> "Handler " + handler.getClass().getName() + " has no name and is ignored");
                continue;
            }
            var earlier = map.putIfAbsent(name, handler);
            if (earlier != null) {
                LOG.warning(() -> "Handler name '" + name + "' is taken by " + earlier.getClass().getName()
                        + "; " + handler.getClass().getName() + " is ignored");
            }
        }
        byName = Collections.unmodifiableMap(map);
    }

    /**
     * The handlers the {@link ServiceLoader} finds through {@code loader}. A jar whose handler
     * cannot be loaded is logged and skipped, so one broken jar does not disable the others.
     */
    public static HandlerRegistry discover(ClassLoader loader) {
        var found = new ArrayList<Handler>();
        var providers = ServiceLoader.load(Handler.class, loader).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError e) {
                LOG.log(Level.WARNING, "A handler could not be loaded and is skipped", e);
            }
        }
        return new HandlerRegistry(found);
    }

    /** @throws UnknownHandlerException naming {@code name} and the installed handlers */
    public Handler find(String name) {
        var handler = name == null ? null : byName.get(name);
        if (handler == null) {
            throw new UnknownHandlerException(name, byName.keySet());
        }
        return handler;
    }

    public boolean contains(String name) {
        return name != null && byName.containsKey(name);
    }

    /** Sorted. */
    public Set<String> names() {
        return byName.keySet();
    }
}
