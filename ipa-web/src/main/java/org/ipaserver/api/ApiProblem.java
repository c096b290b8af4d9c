package org.ipaserver.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ipaserver.definition.Problem;
import org.ipaserver.refusal.InvalidInput.FieldError;

/**
 * The one error format of the API, RFC 9457 problem details ({@value #MEDIA_TYPE}): a type naming
 * the kind of refusal, the status's title, the status, a plain detail, and as extensions the bad
 * fields of a request ({@code errors}), the problems of a definition ({@code problems}), or the flow a
 * launch whose outcome is unknown may have created ({@code flow}).
 */
public record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors,
                         List<Problem> problems, String flow) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The kinds of refusal a client may act on; anything else is {@code about:blank}. */
    public enum Kind {
        INVALID_INPUT, INVALID_DEFINITION, MALFORMED_REQUEST, ACCESS_DENIED, NOT_FOUND, CONFLICT,
        CONCURRENT_CHANGE, LAUNCHES_BLOCKED, STORE_UNAVAILABLE,
        /** 503: the connection was lost while committing; the change may have been made or not. */
        OUTCOME_UNKNOWN,
        /** 503: the instance is overloaded; the launch was refused before anything was written. */
        OVERLOADED,
        /** 403: a call made with the session cookie lacks the session's CSRF token (or has another). */
        CSRF_TOKEN_INVALID,
        /** 403: credentials sent over plain HTTP while the server takes them over HTTPS only. */
        HTTPS_REQUIRED;

        /** A URN: stable, and no promise of a page behind it. */
        public String uri() {
            return "urn:ipa-server:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static Response response(Response.Status status, Kind kind, String detail) {
        return response(status, kind, detail, null, null);
    }

    public static Response response(Response.Status status, Kind kind, String detail, List<FieldError> errors,
                                    List<Problem> problems) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new ApiProblem(kind == null ? "about:blank" : kind.uri(), status.getReasonPhrase(),
                        status.getStatusCode(), detail, errors, problems, null))
                .build();
    }

    /** 503 for a launch whose commit went unanswered: {@code flow} names what to look for afterwards. */
    public static Response launchOutcomeUnknown(String flowId, String detail, int retryAfterSeconds) {
        var status = Response.Status.SERVICE_UNAVAILABLE;
        return Response.status(status).type(MEDIA_TYPE).header("Retry-After", retryAfterSeconds)
                .entity(new ApiProblem(Kind.OUTCOME_UNKNOWN.uri(), status.getReasonPhrase(), status.getStatusCode(),
                        detail, null, null, flowId))
                .build();
    }
}
