package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Signing in and out with the form, over HTTP and over Payara's HTTPS listener. */
class SignInBrowserIT extends BrowserSession {

    @Test
    void aWrongPasswordIsShownAndNothingIsKept() {
        client.openSignIn();
        browser.screenshot("01-sign-in");

        client.typeCredentials("alice", "not-her-password");

        var error = browser.shown(By.id("sign-in-error"));
        assertEquals("The user name or the password is wrong.", browser.await(d -> error.getText().isBlank() ? null
                : error.getText()));
        assertEquals("", browser.driver.findElement(By.id("password")).getAttribute("value"), "the password is emptied");
        assertFalse(signedIn(), "no session");
        browser.screenshot("02-sign-in-wrong-password");
    }

    @Test
    void signInShowsTheNavigationOfTheUsersRightsAndSignOutEndsTheSession() {
        client.signIn("admin");

        var links = browser.driver.findElements(By.cssSelector("#nav-list a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Start a process", "My Work Items", "Processes", "Definitions", "Reports", "Supervision",
                "Monitor", "Administration"), links);
        assertNoPasswordStored();
        client.navLink("Monitor").click();
        client.awaitTitle("Monitor");
        browser.shown(By.id("watch"));
        assertTrue(browser.text().contains("Choose what to watch."), browser.text());
        browser.screenshot("10-monitor");

        client.signOut();

        assertTrue(browser.text().contains("You have signed out."), browser.text());
        assertFalse(signedIn(), "the server ended the session");
        browser.screenshot("15-signed-out");
    }

    @Test
    void aUserWithFewerRightsSeesFewerPages() {
        client.signIn("bob");

        var links = browser.driver.findElements(By.cssSelector("#nav-list a")).stream().map(WebElement::getText).toList();

        assertEquals(List.of("Start a process", "My Work Items", "Processes", "Definitions", "Reports"), links);
        client.signOut();
    }

    @Test
    void overHttpsTheSessionCookieIsSecureStrictAndHiddenFromScripts() {
        var secure = new Client(browser, Server.HTTPS);
        secure.signIn("alice");

        var cookie = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertNotNull(cookie, "a session cookie over HTTPS");
        assertTrue(cookie.isSecure(), "Secure");
        assertTrue(cookie.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", cookie.getSameSite());
        assertEquals("", browser.driver.executeScript("return document.cookie"), "no script sees it");
        secure.open("work");
        browser.shown(By.id("refresh"));
        browser.screenshot("13-https-my-work-items");
        secure.signOut();
    }

    /** Whether the browser's cookie still opens a session (asked the way the client asks). */
    private static boolean signedIn() {
        var status = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('session', {headers: {'X-Requested-With': 'ipa-client'}}).then(r => done(r.status));
                """);
        return ((Number) status).intValue() == 200;
    }

    private static void assertNoPasswordStored() {
        var stored = browser.driver.executeScript(
                "return JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({}, sessionStorage))");
        assertFalse(String.valueOf(stored).contains("admin"), "nothing in browser storage: " + stored);
        assertEquals("", browser.driver.executeScript(
                "const p = document.getElementById('password'); return p ? p.value : ''"));
    }
}
