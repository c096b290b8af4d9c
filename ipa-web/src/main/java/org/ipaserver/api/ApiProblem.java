package org.ipaserver.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ipaserver.definition.Problem;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;

/**
 * The one error format of the API (after RFC 9457): a title, the status, a plain detail, and
 * where it applies the bad fields of a request or the problems of a definition.
 */
public record ApiProblem(String title, int status, String detail, List<FieldError> errors, List<Problem> problems) {

    public static Response response(Response.Status status, String detail) {
        return response(status, detail, null, null);
    }

    public static Response response(Response.Status status, String detail, List<FieldError> errors,
                                    List<Problem> problems) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiProblem(status.getReasonPhrase(), status.getStatusCode(), detail, errors, problems))
                .build();
    }
}
