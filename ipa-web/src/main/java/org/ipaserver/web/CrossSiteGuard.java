package org.ipaserver.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ipaserver.api.ApiProblem;

/**
 * Keeps pages of other sites from changing anything in the user's name. A browser sends a request
 * to another site without asking that site first (a CORS preflight) only when it is a GET, HEAD or
 * POST with a form's content type (or none), and no header of its own; this server grants no
 * cross-origin access, so everything else never leaves the browser. Hence:
 * <ul>
 * <li>a POST, and a PUT, PATCH or DELETE with a body, must be sent as JSON ({@code application/json}
 * or a {@code +json} type), body or not: a form of another site, or its bare {@code fetch}, is
 * refused (415) before it reaches the API, even when the browser adds the user's cookie or the
 * Basic credentials it remembers;</li>
 * <li>a call known by the session cookie alone (the browser client) must also carry the session's
 * CSRF token in {@value #TOKEN_HEADER} (403 otherwise). A call with Basic credentials needs none.</li>
 * </ul>
 */
@WebFilter(urlPatterns = {"/api/*", "/session"})
public class CrossSiteGuard extends HttpFilter {

    public static final String TOKEN_HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Why a request is refused: its status, title, kind and what to do. */
    record Refusal(int status, String title, ApiProblem.Kind kind, String detail) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        boolean signIn = request.getServletPath().equals("/session") && request.getMethod().equals("POST");
        var refusal = check(request.getMethod(), request.getContentType(), hasBody,
                signIn ? null : (SignedIn) request.getAttribute(SignIn.BY_SESSION), request.getHeader(TOKEN_HEADER));
        if (refusal.isPresent()) {
            var r = refusal.get();
            WebProblems.send(response, r.status(), r.title(), r.kind(), r.detail());
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * @param bySession who the request is known as by its session cookie alone, or null (Basic
     *                  credentials, the sign-in itself, or nobody)
     */
    static Optional<Refusal> check(String method, String contentType, boolean hasBody, SignedIn bySession,
                                   String tokenSent) {
        var verb = method.toUpperCase(Locale.ROOT);
        if (SAFE.contains(verb)) {
            return Optional.empty();
        }
        if ((verb.equals("POST") || hasBody) && !isJson(contentType)) {
            return Optional.of(new Refusal(415, "Unsupported Media Type", null, "a " + verb + " must be sent as "
                    + "application/json (Content-Type), with or without a body: forms and plain text are refused, so "
                    + "that pages of other sites cannot make it; it got " + (contentType == null ? "no Content-Type"
                    : "'" + contentType + "'")));
        }
        if (bySession != null && !bySession.tokenMatches(tokenSent)) {
            return Optional.of(new Refusal(403, "Forbidden", ApiProblem.Kind.CSRF_TOKEN_INVALID, "a call signed in by "
                    + "the session cookie must carry the session's CSRF token in the " + TOKEN_HEADER + " header (GET "
                    + "/ipa/session gives it); " + (tokenSent == null ? "it had none" : "it had another")
                    + ": nothing was changed"));
        }
        return Optional.empty();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        var type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.equals("text/json")
                || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
