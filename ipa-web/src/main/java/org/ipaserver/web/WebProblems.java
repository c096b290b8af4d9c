package org.ipaserver.web;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ipaserver.api.ApiProblem;

/**
 * The web tier's refusals, written before the API is reached, in the API's own format (RFC 9457
 * problem details, {@link ApiProblem}).
 */
final class WebProblems {

    private WebProblems() {
    }

    static void send(HttpServletResponse response, int status, String title, ApiProblem.Kind kind, String detail)
            throws IOException {
        var body = Json.createObjectBuilder()
                .add("type", kind == null ? "about:blank" : kind.uri())
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build();
        response.setStatus(status);
        response.setContentType(ApiProblem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
        response.flushBuffer(); // committed: the container adds no error page of its own
    }
}
