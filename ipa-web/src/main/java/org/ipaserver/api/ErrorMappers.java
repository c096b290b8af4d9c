package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipaserver.admin.IpaServer;
import org.ipaserver.admin.StoreStatus;
import org.ipaserver.admission.AdmissionGate;
import org.ipaserver.api.ApiProblem.Kind;
import org.ipaserver.catalog.InvalidDefinitionException;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.job.JobWorkers;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.routing.RoutingExceptions;
import org.ipaserver.security.AccessDenied;
import org.ipaserver.store.StoreFailures;
import org.ipaserver.store.UniqueKeys;
import org.ipaserver.workitem.WorkItemConflict;
import org.ipaserver.workitem.WorkItemDesk;

/** Maps every refusal of the use cases to its status and kind of {@link ApiProblem}, in one place. */
@Provider
public class ErrorMappers implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    @EJB
    IpaServer server;

    @Override
    public Response toResponse(Exception exception) {
        Throwable e = exception;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (lostARace(exception)) {
            return ApiProblem.response(Status.CONFLICT, Kind.CONCURRENT_CHANGE, "someone else changed this at the same time; reload and "
                    + "try again");
        }
        if (UniqueKeys.violated(exception)) {
            return ApiProblem.response(Status.CONFLICT, Kind.CONCURRENT_CHANGE, "someone else created the same thing at the same time; "
                    + "reload and try again");
        }
        if (e instanceof InvalidInput invalid) {
            return ApiProblem.response(Status.BAD_REQUEST, Kind.INVALID_INPUT, invalid.getMessage(), invalid.errors(), null);
        }
        if (e instanceof InvalidDefinitionException invalid) {
            return ApiProblem.response(Status.BAD_REQUEST, Kind.INVALID_DEFINITION, invalid.getMessage(), null, invalid.report().problems());
        }
        if (e instanceof JsonException || e instanceof JsonbException || e instanceof BadRequest) {
            return ApiProblem.response(Status.BAD_REQUEST, Kind.MALFORMED_REQUEST, "malformed request: " + e.getMessage());
        }
        if (e instanceof AccessDenied || e instanceof EJBAccessException) {
            return ApiProblem.response(Status.FORBIDDEN, Kind.ACCESS_DENIED, e instanceof AccessDenied ? e.getMessage()
                    : "you do not have the right for this request");
        }
        if (e instanceof FlowExceptions.UnknownFlow || e instanceof FlowExceptions.UnknownDefinition
                || e instanceof WorkItemDesk.UnknownWorkItem || e instanceof RoutingExceptions.UnknownWorkgroup
                || e instanceof RoutingExceptions.UnknownUser) {
            return ApiProblem.response(Status.NOT_FOUND, Kind.NOT_FOUND, e.getMessage());
        }
        if (e instanceof FlowExceptions.FlowEnded || e instanceof WorkItemConflict
                || e instanceof FlowExceptions.NotInThatState || e instanceof FlowExceptions.NotOwner) {
            return ApiProblem.response(Status.CONFLICT, Kind.CONFLICT, e.getMessage());
        }
        if (e instanceof AdmissionGate.Overloaded overloaded) {
            return unavailable(Kind.OVERLOADED, overloaded.getMessage(), overloaded.retryAfterSeconds());
        }
        if (e instanceof FlowExceptions.LaunchesBlocked) {
            return unavailable(Kind.LAUNCHES_BLOCKED, e.getMessage(), 10);
        }
        if (e instanceof WebApplicationException web) {
            var status = Status.fromStatusCode(web.getResponse().getStatus());
            return ApiProblem.response(status == null ? Status.INTERNAL_SERVER_ERROR : status, null, web.getMessage());
        }
        if (StoreFailures.outcomeUnknown(exception)) {
            if (server != null) {
                server.storeUnreachable(exception);
            }
            var lost = "the connection to the flow store database was lost while committing (event "
                    + StoreStatus.CANNOT_CONNECT + "): ";
            if (exception instanceof FlowsResource.LaunchOutcomeUnknown launch) {
                return ApiProblem.launchOutcomeUnknown(launch.flowId, lost + "flow " + launch.flowId + " may have "
                        + "been launched or not; read it once the store answers again (404: it was not)", 10);
            }
            return unavailable(Kind.OUTCOME_UNKNOWN, lost + "the change may have been made or not; read it back "
                    + "once the store answers again", 10);
        }
        if (StoreFailures.unreachable(exception)) {
            if (server != null) {
                server.storeUnreachable(exception);
            }
            return unavailable(Kind.STORE_UNAVAILABLE, "the flow store database cannot be reached (event "
                    + StoreStatus.CANNOT_CONNECT + "); nothing was changed: try again shortly", 10);
        }
        if (StoreFailures.tooSlow(exception)) {
            LOG.warning("Request refused: the flow store answered too slowly (" + JobWorkers.reason(exception) + ")");
            return unavailable(Kind.STORE_UNAVAILABLE, "the flow store database is too slow to answer now; nothing "
                    + "was changed: try again shortly", 5);
        }
        if (StoreFailures.collided(exception)) {
            LOG.warning("Request refused: the flow store rolled it back to break a deadlock (" + JobWorkers.reason(exception)
                    + ")");
            return unavailable(Kind.CONCURRENT_CHANGE, "the flow store database rolled this request back to break a "
                    + "deadlock with another; nothing was changed: try again", 1);
        }
        var store = server == null ? null : server.store();
        if (store != null && !store.usable()) {
            // not a fault of the request: the database is unreachable or its schema not there yet
            return unavailable(Kind.STORE_UNAVAILABLE, "the flow store is unusable (event " + store.eventId() + "): "
                    + store.summary() + "; try again shortly", 10);
        }
        LOG.log(Level.SEVERE, "Request failed", e);
        return ApiProblem.response(Status.INTERNAL_SERVER_ERROR, null, "the server failed to handle the request; "
                + "its log has the details");
    }

    private static Response unavailable(Kind kind, String message, int retryAfterSeconds) {
        var response = ApiProblem.response(Status.SERVICE_UNAVAILABLE, kind, message);
        return Response.fromResponse(response).header("Retry-After", retryAfterSeconds).build();
    }

    /** An optimistic lock lost at commit arrives wrapped in transaction exceptions: look down the chain. */
    private static boolean lostARace(Throwable exception) {
        for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
            // JPA's own, or the provider's (EclipseLink's) when it surfaces unwrapped
            if (t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    /** A request body that is not what the endpoint takes, with the reason. */
    public static class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
