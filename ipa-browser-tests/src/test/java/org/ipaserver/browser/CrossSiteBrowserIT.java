package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another site's page tries to launch a Car Loan in the name of alice, who is signed in to the
 * client in the same browser: a plain HTML form posting text/plain or form-encoded data, and a
 * script's bare POST. The page is served from another origin on the same host (localhost, another
 * port), the hardest case: same-site, so the browser does send alice's SameSite=Strict cookie, and
 * only the server's checks stand in the way. A cookie-only JSON call without the CSRF token, made
 * from the client's own origin, is refused too. Nothing is launched.
 */
class CrossSiteBrowserIT extends BrowserSession {

    private static HttpServer attacker;

    @BeforeAll
    static void open() throws IOException {
        var target = Server.HTTP + "api/flows";
        var launch = "{\"definition\":\"CarLoan\",\"variables\":{\"FirstName\":\"Mallory\",\"LoanAmount\":90000}}";
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var pages = Map.of(
                "/text-form", """
                        <form method="post" action="%s" enctype="text/plain">
                          <input name='%s' value=''>
                        </form><script>document.forms[0].submit()</script>""".formatted(target, launch),
                "/url-form", """
                        <form method="post" action="%s"><input name="definition" value="CarLoan"></form>
                        <script>document.forms[0].submit()</script>""".formatted(target),
                "/script", """
                        <script>
                          Promise.allSettled([
                            fetch('%1$s', {method: 'POST', mode: 'no-cors', credentials: 'include', body: new Blob(['%2$s'])}),
                            fetch('%1$s', {method: 'POST', mode: 'no-cors', credentials: 'include', body: '%2$s'}),
                            fetch('%1$s', {method: 'POST', credentials: 'include', headers: {'Content-Type': 'application/json'},
                                           body: '%2$s'})
                          ]).then(results => document.title = 'sent: ' + results.map(r => r.status).join(','));
                        </script>""".formatted(target, launch));
        pages.forEach((path, html) -> attacker.createContext(path, exchange -> {
            var body = ("<!DOCTYPE html><html><head><title>A prize for you</title></head><body>" + html + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        attacker.start();
    }

    @AfterAll
    static void close() {
        browser.close();
        attacker.stop(0);
    }

    /** The attacker's origin: the same host name as the server, another port. */
    private static String evil(String path) {
        return "http://localhost:" + attacker.getAddress().getPort() + path;
    }

    @Test
    void formsOfAnotherSiteAreRefusedAndLaunchNothing() {
        client.signIn("alice");
        var before = Server.flowsLaunchedBy("CarLoan", "alice");

        browser.go(evil("/text-form"));
        browser.await(d -> d.getCurrentUrl().startsWith(Server.HTTP) ? true : null);
        assertTrue(browser.text().contains("must be sent as application/json"), browser.text());
        browser.screenshot("14-cross-site-form-refused");

        browser.go(evil("/url-form"));
        browser.await(d -> d.getCurrentUrl().startsWith(Server.HTTP) ? true : null);
        assertTrue(browser.text().contains("must be sent as application/json"), browser.text());

        browser.go(evil("/script"));
        browser.await(d -> d.getTitle().startsWith("sent:") ? true : null);

        assertEquals(before, Server.flowsLaunchedBy("CarLoan", "alice"), "no flow was launched in alice's name");
        client.open("work");
        assertTrue(browser.shown(org.openqa.selenium.By.id("sign-out")).isDisplayed(), "alice is still signed in");
    }

    @Test
    void aCallWithTheCookieButWithoutTheTokenIsRefused() {
        client.signIn("alice");
        var before = Server.flowsLaunchedBy("CarLoan", "alice");

        var answer = String.valueOf(browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('api/flows', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                    body: JSON.stringify({definition: 'CarLoan', variables: {FirstName: 'Mallory'}})})
                  .then(r => r.text().then(t => done(r.status + ' ' + t)));
                """));

        assertTrue(answer.startsWith("403 "), answer);
        assertTrue(answer.contains("urn:ipa-server:problem:csrf-token-invalid"), answer);
        assertEquals(before, Server.flowsLaunchedBy("CarLoan", "alice"));
    }
}
