package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.ipaserver.admin.IpaServer;

/**
 * While the flow store is unusable (the database cannot be reached, or its schema is missing), a
 * request that needs it is answered 503 at once, instead of each one waiting on the connection
 * pool to find out again. The server's parameters and load do not need the store.
 */
@Provider
public class StoreGate implements ContainerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 10;

    @EJB
    IpaServer server;

    @Override
    public void filter(ContainerRequestContext request) {
        var store = server == null ? null : server.store();
        var path = request.getUriInfo().getPath();
        if (store == null || store.usable() || path.startsWith("server/parameters") || path.startsWith("server/load")) {
            return;
        }
        var refused = ApiProblem.response(Response.Status.SERVICE_UNAVAILABLE, ApiProblem.Kind.STORE_UNAVAILABLE,
                "the flow store is unusable (event " + store.eventId() + "): " + store.summary() + "; nothing was "
                        + "changed: try again shortly");
        request.abortWith(Response.fromResponse(refused).header("Retry-After", RETRY_AFTER_SECONDS).build());
    }
}
