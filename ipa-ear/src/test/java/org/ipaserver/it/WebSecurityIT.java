package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web tier as a browser and an attacker meet it: the sign-in form's session cookie, the CSRF
 * token its calls need, JSON-only changes, sign-out, HTTPS, and credentials refused over plain HTTP
 * when the server says so. Nothing a refused request asked for happens.
 */
@ExtendWith(ArquillianExtension.class)
class WebSecurityIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private static final String LAUNCH_PLAIN = "{\"definition\":\"%s\"}";

    @Test
    void theSignInFormGivesAStrictHttpOnlyCookieAndAToken() {
        var web = WebClient.at(contextRoot);

        var signIn = web.signIn("alice", "alice");

        assertEquals(200, signIn.status(), signIn::toString);
        var cookie = web.sessionCookieHeader(signIn);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: " + cookie);
        assertEquals("alice", signIn.json().getString("user"));
        assertEquals(List.of("ipa-launch", "ipa-view"), signIn.json().getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(signIn.json().getString("csrfToken").length() >= 43, signIn::toString);
        assertEquals(200, web.get("api/workitems").status(), "the cookie alone reads");
        var again = web.get("session");
        assertEquals(signIn.json().getString("csrfToken"), again.json().getString("csrfToken"), again::toString);
    }

    @Test
    void aUserWithoutAnyGroupSignsInWithNoRole() {
        var web = WebClient.at(contextRoot);

        var signIn = web.signIn("nobody", "nobody");

        assertEquals(200, signIn.status(), signIn::toString);
        assertTrue(signIn.json().getJsonArray("roles").isEmpty(), signIn::toString);
        assertEquals(200, web.get("api/definitions").status(), "any user reads the definitions");
    }

    @Test
    void aWrongPasswordIsRefusedAndOpensNoSession() {
        var web = WebClient.at(contextRoot);

        var signIn = web.signIn("alice", "wrong");

        assertEquals(401, signIn.status(), signIn::toString);
        assertTrue(signIn.body().contains("the user name or the password is wrong"), signIn::toString);
        assertTrue(signIn.header("WWW-Authenticate").isEmpty(), "no browser dialog for the client");
        assertEquals(401, web.get("session").status());
    }

    @Test
    void withTheCookieAloneAChangeNeedsTheSessionsToken() {
        var process = publishPlainProcess();
        var web = WebClient.at(contextRoot);
        web.signIn("alice", "alice");

        var withoutToken = web.send("POST", "api/flows", "application/json", LAUNCH_PLAIN.formatted(process), null);
        var otherToken = web.send("POST", "api/flows", "application/json", LAUNCH_PLAIN.formatted(process),
                "not-the-token");

        assertEquals(403, withoutToken.status(), withoutToken::toString);
        assertTrue(withoutToken.body().contains("urn:ipa-server:problem:csrf-token-invalid"), withoutToken::toString);
        assertEquals(403, otherToken.status(), otherToken::toString);
        assertEquals(0, flowsOf(process), "nothing was launched");

        var withToken = web.send("POST", "api/flows", "application/json", LAUNCH_PLAIN.formatted(process),
                web.token());
        assertEquals(201, withToken.status(), withToken::toString);
        assertEquals(1, flowsOf(process));
    }

    @Test
    void formsAndPlainTextChangeNothingWithACookieOrBasicCredentials() {
        var process = publishPlainProcess();
        var web = WebClient.at(contextRoot);
        web.signIn("alice", "alice");
        var launch = LAUNCH_PLAIN.formatted(process);

        // what a page of another site can send without asking first: a form's types, or no type at all
        var asText = web.send("POST", "api/flows", "text/plain", launch, web.token());
        var asForm = web.send("POST", "api/flows", "application/x-www-form-urlencoded", launch, null);
        var untyped = web.send("POST", "api/flows", null, launch, null);
        var basicAsText = web.basic("alice", "alice").send("POST", "api/flows", "text/plain", launch, null);
        var basicUntyped = web.basic("alice", "alice").send("POST", "api/flows", null, launch, null);

        for (var refused : List.of(asText, asForm, untyped, basicAsText, basicUntyped)) {
            assertEquals(415, refused.status(), refused::toString);
            assertTrue(refused.body().contains("must be sent as application/json"), refused::toString);
        }
        assertEquals(0, flowsOf(process), "nothing was launched");
        var basicJson = web.basic("alice", "alice").send("POST", "api/flows", "application/json", launch, null);
        assertEquals(201, basicJson.status(), "Basic credentials need no token: " + basicJson);
    }

    @Test
    void aBareCancelIsRefusedLikeAForm() {
        var process = publishWaitingProcess();
        var flow = Api.at(contextRoot).post(Api.ADMIN, "flows", LAUNCH_PLAIN.formatted(process)).json().getString("id");
        var admin = WebClient.at(contextRoot).basic("admin", "admin");

        var bare = admin.send("POST", "api/flows/" + flow + "/cancel", null, null, null);

        assertEquals(415, bare.status(), bare::toString);
        assertEquals("waiting", Api.at(contextRoot).get(Api.ADMIN, "flows/" + flow).json().getString("status"));
        assertEquals(200, admin.send("POST", "api/flows/" + flow + "/cancel", "application/json", null, null).status());
    }

    @Test
    void signingOutEndsTheSession() {
        var web = WebClient.at(contextRoot);
        web.signIn("bob", "bob");

        assertEquals(403, web.send("DELETE", "session", null, null, null).status(), "sign-out needs the token too");
        var signOut = web.send("DELETE", "session", null, null, web.token());

        assertEquals(204, signOut.status(), signOut::toString);
        assertEquals(401, web.get("session").status());
        assertEquals(401, web.get("api/workitems").status(), "the old cookie opens nothing");
    }

    @Test
    void theClientGetsNoBasicChallengeIntegrationsDo() {
        var web = WebClient.at(contextRoot);

        var integration = web.get("api/flows");
        var client = web.asClient().get("api/flows");

        assertEquals(401, integration.status());
        assertEquals("Basic realm=\"ipa\"", integration.header("WWW-Authenticate").orElse(null));
        assertEquals(401, client.status());
        assertTrue(client.header("WWW-Authenticate").isEmpty(), client.headers()::toString);
        assertTrue(client.body().contains("sign in"), client::toString);
    }

    @Test
    void overHttpsTheSessionCookieIsSecure() {
        var web = WebClient.at(contextRoot).overHttps();

        var signIn = web.signIn("alice", "alice");

        assertEquals(200, signIn.status(), signIn::toString);
        var cookie = web.sessionCookieHeader(signIn);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), cookie);
        assertEquals(200, web.get("api/workitems").status());
    }

    @Test
    void withRequireHttpsCredentialsOverPlainHttpAreRefusedUnchecked() throws Exception {
        var plain = WebClient.at(contextRoot);
        var secure = WebClient.at(contextRoot).overHttps();
        TestDomain.setConfigProperty("ipa.web.requireHttps", "true");
        try {
            var basic = plain.basic("alice", "alice").get("api/workitems");
            var wrongPassword = plain.basic("alice", "wrong").get("api/workitems");
            var signIn = plain.signIn("alice", "alice");

            for (var refused : List.of(basic, wrongPassword, signIn)) {
                assertEquals(403, refused.status(), refused::toString);
                assertTrue(refused.body().contains("urn:ipa-server:problem:https-required"), refused::toString);
            }
            assertTrue(signIn.header("Set-Cookie").isEmpty(), "no session over plain HTTP");
            assertEquals(200, secure.basic("alice", "alice").get("api/workitems").status());
            assertEquals(200, secure.signIn("alice", "alice").status());
        } finally {
            TestDomain.deleteConfigProperty("ipa.web.requireHttps");
        }
        assertEquals(200, plain.basic("alice", "alice").get("api/workitems").status(), "plain HTTP again");
    }

    @Test
    void theClientsPagesRunOnlyTheirOwnCodeAndAreNeverFramed() {
        var page = WebClient.at(contextRoot).get("");

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("<script type=\"module\""), page::body);
        var policy = page.header("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(null));
    }

    private String publishPlainProcess() {
        var name = "WebSec" + System.nanoTime();
        var published = Api.at(contextRoot).post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S", "states": [ { "name": "S", "actions": [ { "type": "EndProcess" } ] } ] }
                """.formatted(name));
        assertEquals(201, published.status(), published::toString);
        return name;
    }

    private String publishWaitingProcess() {
        var name = "WebSecWait" + System.nanoTime();
        var published = Api.at(contextRoot).post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S", "states": [ { "name": "S", "actions": [
                  { "type": "Wait", "duration": "PT1H" } ] } ] }
                """.formatted(name));
        assertEquals(201, published.status(), published::toString);
        return name;
    }

    private int flowsOf(String process) {
        var page = Api.at(contextRoot).get(Api.ADMIN, "flows?definition=" + process + "&size=1");
        assertNotNull(page.json(), page::toString);
        return page.json().getInt("total");
    }
}
