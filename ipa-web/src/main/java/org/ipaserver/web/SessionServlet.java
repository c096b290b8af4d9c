package org.ipaserver.web;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ipaserver.security.Rights;

/**
 * The browser client's session, at /ipa/session: {@code POST {"user", "password"}} signs in (a new
 * session cookie; the answer carries the CSRF token, which the client keeps in memory only),
 * {@code GET} says who is signed in (after a reload the client gets its token again this way),
 * {@code DELETE} signs out (the session ends). Same-origin only: another site can neither read
 * these answers nor send the JSON a sign-in needs ({@link CrossSiteGuard}).
 */
@WebServlet("/session")
public class SessionServlet extends HttpServlet {

    private static final int MAX_BODY_BYTES = 8192;
    private static final List<String> ROLES = List.of(Rights.LAUNCH, Rights.VIEW, Rights.MANAGE, Rights.DESIGN,
            Rights.ADMIN);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            WebProblems.send(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", null, "not signed in");
            return;
        }
        answer(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body;
        try {
            var bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new JsonException("too long");
            }
            body = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readObject();
        } catch (JsonException | ClassCastException e) {
            badRequest(response);
            return;
        }
        if (!(body.get("user") instanceof JsonString user) || !(body.get("password") instanceof JsonString password)
                || user.getString().isBlank()) {
            badRequest(response);
            return;
        }
        request.setAttribute(SignIn.FORM_CREDENTIALS, new BasicCredentials(user.getString(), password.getString()));
        boolean signedIn;
        try {
            signedIn = request.authenticate(response);
        } catch (jakarta.servlet.ServletException e) {
            signedIn = false;
        }
        if (signedIn) {
            answer(request, response);
        } else if (!response.isCommitted()) { // the mechanism answers its refusals itself
            WebProblems.send(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", null,
                    "the user name or the password is wrong");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void badRequest(HttpServletResponse response) throws IOException {
        WebProblems.send(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request", null,
                "sign in with a JSON object {\"user\": ..., \"password\": ...}");
    }

    /** Who is signed in, the rights their roles give, and (signed in by the form) the CSRF token. */
    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var roles = Json.createArrayBuilder();
        ROLES.stream().filter(request::isUserInRole).forEach(roles::add);
        var body = Json.createObjectBuilder()
                .add("user", request.getUserPrincipal().getName())
                .add("roles", roles);
        var session = request.getSession(false);
        var signedIn = session == null ? null : (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        if (signedIn != null && signedIn.user().equals(request.getUserPrincipal().getName())) {
            body.add("csrfToken", signedIn.csrfToken());
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.build().toString());
    }
}
