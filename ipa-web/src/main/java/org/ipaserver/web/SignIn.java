package org.ipaserver.web;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
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
 *
 * <p>A Jakarta Authentication module of the application's own ({@link SignInRegistration}), not a
 * Jakarta Security mechanism: Payara's bridge to those looked the CDI bean manager up in JNDI twice
 * a request, 8% of the server's CPU on a launch over REST.
 */
public final class SignIn implements ServerAuthModule {

    /** Set on a request known by its session cookie alone: what it changes needs the CSRF token. */
    public static final String BY_SESSION = SignIn.class.getName() + ".bySession";
    /** The sign-in form's credentials ({@link BasicCredentials}), set before {@code request.authenticate}. */
    static final String FORM_CREDENTIALS = SignIn.class.getName() + ".form";
    /**
     * Sent by the client with every call: a 401 then carries no Basic challenge, which would make
     * the browser ask for a password in a dialog of its own instead of the client's sign-in page.
     */
    public static final String CLIENT_HEADER = "X-Requested-With";
    static final String CHALLENGE = "Basic realm=\"ipa\"";
    /** Jakarta Authentication's Servlet profile: whether the resource asked for needs a caller. */
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    private final AcceptedCredentials accepted = new AcceptedCredentials();
    private CallbackHandler handler;

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        var request = (HttpServletRequest) message.getRequestMessage();
        var response = (HttpServletResponse) message.getResponseMessage();
        var form = (BasicCredentials) request.getAttribute(FORM_CREDENTIALS);
        request.removeAttribute(FORM_CREDENTIALS);
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
            var credentials = form != null ? form : basic.get();
            var groups = form != null ? realmGroups(client, form.user(), form.password()) : basicGroups(client, basic.get());
            if (groups.isEmpty()) {
                // the sign-in form's own failure: no challenge, the page says it
                return unauthorized(request, response, "the user name or the password is wrong", form == null);
            }
            if (form != null) {
                startSession(request, form.user(), groups.get());
            }
            return signedIn(client, credentials.user(), groups.get());
        }
        var session = request.getSession(false);
        var signedIn = session == null ? null : (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        if (signedIn != null) {
            request.setAttribute(BY_SESSION, signedIn);
            return signedIn(client, signedIn.user(), signedIn.groups());
        }
        if (Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))) {
            return unauthorized(request, response, "sign in: HTTP Basic with a user of the realm ipa, or the "
                    + "client's sign-in page", true);
        }
        handle(new CallerPrincipalCallback(client, (Principal) null)); // a public resource, no caller
        return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    /**
     * The caller and their groups, told to the container. No groups found is said as none given: Open
     * Liberty then takes the user's groups from its registry (it puts none in the subject for us to
     * read), where an empty set would clear them.
     */
    private AuthStatus signedIn(Subject client, String user, Set<String> groups) throws AuthException {
        if (groups.isEmpty()) {
            handle(new CallerPrincipalCallback(client, user));
        } else {
            handle(new CallerPrincipalCallback(client, user), new GroupPrincipalCallback(client,
                    groups.toArray(String[]::new)));
        }
        return AuthStatus.SUCCESS;
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            var failure = new AuthException("the server cannot sign callers in for this module");
            failure.initCause(e);
            throw failure;
        }
    }

    /** The realm's answer, or the one it gave lately for these credentials (a user with no group: every time). */
    private Optional<Set<String>> basicGroups(Subject client, BasicCredentials credentials) throws AuthException {
        long now = System.nanoTime();
        var known = accepted.groups(credentials, now);
        if (known.isPresent()) {
            return known;
        }
        var groups = realmGroups(client, credentials.user(), credentials.password());
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
    private Optional<Set<String>> realmGroups(Subject client, String user, String password) throws AuthException {
        var subject = client != null ? client : new Subject();
        var check = new PasswordValidationCallback(subject, user, password.toCharArray());
        try {
            handle(check);
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

    /** A new session for every sign-in, never the one the browser came with (session fixation). */
    private static void startSession(HttpServletRequest request, String user, Set<String> groups) {
        var old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(SignedIn.SESSION_ATTRIBUTE, SignedIn.of(user, groups));
    }

    /** @param challenge whether to answer with the Basic challenge (never to the client, which says it is) */
    private static AuthStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                           String detail, boolean challenge) {
        if (challenge && request.getHeader(CLIENT_HEADER) == null) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        send(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", null, detail);
        return AuthStatus.SEND_FAILURE;
    }

    private static AuthStatus refusePlainHttp(HttpServletResponse response) {
        send(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", ApiProblem.Kind.HTTPS_REQUIRED,
                "this server takes passwords over HTTPS only (" + WebSettings.REQUIRE_HTTPS + "): the request was "
                        + "refused unchecked; send it to the server's https:// address (and change the password if "
                        + "this network is not trusted)");
        return AuthStatus.SEND_FAILURE;
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
