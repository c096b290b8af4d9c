package org.ipaserver.routing;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.function.Consumer;

/** The routing use cases outside a container: an administrator calling on one transaction's EntityManager. */
public final class RoutingServices {

    private RoutingServices() {
    }

    /** @param presenceChanges what observes the presence changes the service fires (the container's CDI) */
    @SuppressWarnings("unchecked")
    public static RoutingService asAdmin(EntityManager em, ItemsInHand itemsInHand,
                                         Consumer<PresenceChanged> presenceChanges) {
        var service = new RoutingService();
        service.em = em;
        service.itemsInHand = itemsInHand;
        service.caller = proxy(SessionContext.class, (method, args) -> switch (method) {
            case "isCallerInRole" -> true;
            case "getCallerPrincipal" -> (Principal) () -> "admin";
            default -> throw new UnsupportedOperationException(method);
        });
        service.presenceChanges = proxy(Event.class, (method, args) -> {
            if (!method.equals("fire")) {
                throw new UnsupportedOperationException(method);
            }
            presenceChanges.accept((PresenceChanged) args[0]);
            return null;
        });
        return service;
    }

    private interface Answer {
        Object apply(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(RoutingServices.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args)));
    }
}
