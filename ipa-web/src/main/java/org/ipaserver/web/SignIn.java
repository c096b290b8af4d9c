package org.ipaserver.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.ipaserver.api.ApiProblem;

/**
 * How a caller signs in, for every request of the web module: integrations send HTTP Basic with
 * each call (no session is made for them); the browser client signs in once with the form
 * ({@link SessionServlet}) and is known afterwards by its session cookie alone. Passwords are
 * checked by the container against the module's realm ({@code ipa}, web.xml) with Jakarta
 * Authentication's password validation, as its own BASIC login did: Payara's realm identity store
 * would refuse a user who has no group at all, and such a user may still hold rights by grants.
 * With {@link WebSettings#REQUIRE_HTTPS} credentials that came over plain HTTP are refused before
 * they are checked.
 */
@ApplicationScoped
public class SignIn implements HttpAuthenticationMechanism {

    /** Set on a request known by its session cookie alone: what it changes needs the CSRF token. */
    public static final String BY_SESSION = SignIn.class.getName() + ".bySession";
    /**
     * Sent by the client with every call: a 401 then carries no Basic challenge, which would make
     * the browser ask for a password in a dialog of its own instead of the client's sign-in page.
     */
    public static final String CLIENT_HEADER = "X-Requested-With";
    static final String CHALLENGE = "Basic realm=\"ipa\"";

    private final AcceptedCredentials accepted = new AcceptedCredentials();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        var form = context.getAuthParameters() == null ? null
                : (UsernamePasswordCredential) context.getAuthParameters().getCredential();
        Optional<BasicCredentials> basic;
        try {
            basic = BasicCredentials.from(request.getHeader("Authorization"));
        } catch (BasicCredentials.Malformed e) {
            return unauthorized(request, response, e.getMessage(), true);
        }
        if (form != null || basic.isPresent()) {
            if (!request.isSecure() && WebSettings.requireHttps()) {
                return refusePlainHttp(response);
            }
            var user = form != null ? form.getCaller() : basic.get().user();
            var groups = form != null ? realmGroups(context, user, form.getPasswordAsString()) : basicGroups(context, basic.get());
            if (groups.isEmpty()) {
                // the sign-in form's own failure: no challenge, the page says it
                return unauthorized(request, response, "the user name or the password is wrong", form == null);
            }
            if (form != null) {
                startSession(request, user, groups.get());
            }
            return context.notifyContainerAboutLogin(user, orNone(groups.get()));
        }
        var session = request.getSession(false);
        var signedIn = session == null ? null : (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        if (signedIn != null) {
            request.setAttribute(BY_SESSION, signedIn);
            return context.notifyContainerAboutLogin(signedIn.user(), orNone(signedIn.groups()));
        }
        return context.isProtected()
                ? unauthorized(request, response, "sign in: HTTP Basic with a user of the realm ipa, or the "
                        + "client's sign-in page", true)
                : context.doNothing();
    }

    /** The realm's answer, or the one it gave lately for these credentials (a user with no group: every time). */
    private Optional<Set<String>> basicGroups(HttpMessageContext context, BasicCredentials credentials) {
        long now = System.nanoTime();
        var known = accepted.groups(credentials, now);
        if (known.isPresent()) {
            return known;
        }
        var groups = realmGroups(context, credentials.user(), credentials.password());
        long seconds = WebSettings.credentialsCacheSeconds();
        // Only an answer with the realm's groups in it: Open Liberty gives none (it fills them in itself at
        // the login), and a login there that its own password check did not precede is refused.
        if (groups.isPresent() && !groups.get().isEmpty() && seconds > 0) {
            accepted.accepted(credentials, groups.get(), now + TimeUnit.SECONDS.toNanos(seconds));
        }
        return groups;
    }

    /**
     * The container checks the password against the realm and fills the client subject: the realm's
     * groups arrive as its group principals (Payara: {@code org.glassfish.security.common.Group}).
     *
     * @return the user's groups (perhaps none), or empty when the password is wrong
     */
    private static Optional<Set<String>> realmGroups(HttpMessageContext context, String user, String password) {
        var subject = context.getClientSubject() != null ? context.getClientSubject() : new Subject();
        var check = new PasswordValidationCallback(subject, user, password.toCharArray());
        try {
            context.getHandler().handle(new Callback[] {check});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new IllegalStateException("the server cannot check passwords for this module", e);
        } finally {
            check.clearPassword();
        }
        if (!check.getResult()) {
            return Optional.empty();
        }
        return Optional.of(subject.getPrincipals().stream()
                .filter(principal -> principal.getClass().getSimpleName().equals("Group"))
                .map(Principal::getName)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * No groups found is said as none given: Open Liberty then takes the user's groups from its
     * registry (it puts none in the subject for us to read), where an empty set would clear them.
     */
    private static Set<String> orNone(Set<String> groups) {
        return groups.isEmpty() ? null : groups;
    }

    /** A new session for every sign-in, never the one the browser came with (session fixation). */
    private static void startSession(HttpServletRequest request, String user, Set<String> groups) {
        var old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(SignedIn.SESSION_ATTRIBUTE, SignedIn.of(user, groups));
    }

    /** @param challenge whether to answer with the Basic challenge (never to the client, which says it is) */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail, boolean challenge) {
        if (challenge && request.getHeader(CLIENT_HEADER) == null) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        send(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", null, detail);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus refusePlainHttp(HttpServletResponse response) {
        send(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", ApiProblem.Kind.HTTPS_REQUIRED,
                "this server takes passwords over HTTPS only (" + WebSettings.REQUIRE_HTTPS + "): the request was "
                        + "refused unchecked; send it to the server's https:// address (and change the password if "
                        + "this network is not trusted)");
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void send(HttpServletResponse response, int status, String title, ApiProblem.Kind kind,
                             String detail) {
        try {
            WebProblems.send(response, status, title, kind, detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
