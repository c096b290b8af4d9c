package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.pagefactory.ByChained;

/**
 * Processes: a viewer finds a waiting flow with the search's filters and reads it (state, what it
 * waits on, steps, variables with a restricted one hidden) without a way to cancel it; a bad
 * filter is named at its field; a manager cancels the flow; a launcher without View finds only
 * their own flows.
 */
class ProcessesBrowserIT extends BrowserSession {

    private static final String PROCESS = "BrowserAudit";

    @BeforeAll
    static void open() {
        Server.require(Server.post("admin", "definitions", """
                { "name": "%s", "description": "An audit that waits an hour (browser tests)", "startState": "Waiting",
                  "securitySpecifications": [ { "name": "Auditors", "users": ["admin"] } ],
                  "variables": [ { "name": "Customer", "type": "String" },
                                 { "name": "Secret", "type": "String", "securitySpecification": "Auditors" } ],
                  "states": [ { "name": "Waiting", "actions": [ { "type": "Wait", "duration": "PT1H" } ] } ] }
                """.formatted(PROCESS)));
    }

    private static String launch(String user, String customer, String secret) {
        return Server.require(Server.post(user, "flows", """
                {"definition": "%s", "variables": {"Customer": "%s", "Secret": "%s"}}""".formatted(PROCESS, customer, secret)))
                .object().getString("id");
    }

    private void search(String process, String status) {
        client.open("processes");
        client.awaitTitle("Processes");
        client.choose("Process", process);
        client.choose("Status", status);
        client.press("Search");
    }

    private By row(String flowId) {
        return By.cssSelector("table[data-list='flows'] tr[data-flow='" + flowId + "']");
    }

    private void awaitFlowTitle() {
        browser.await(d -> d.findElement(By.id("page-title")).getText().startsWith("Browser audit v") ? true : null);
    }

    @Test
    void aViewerFindsAndReadsAFlowWithoutItsSecretAndAManagerCancelsIt() {
        var customer = "Globex" + (System.nanoTime() % 1_000_000);
        var secret = "AUDIT-SECRET-" + System.nanoTime();
        var flowId = launch("bob", customer, secret);

        client.signIn("alice");
        search("Browser audit", "waiting");
        browser.click(new ByChained(row(flowId), By.tagName("a")));
        awaitFlowTitle();
        var page = browser.text();
        assertTrue(page.contains("waiting in Waiting"), page);
        assertTrue(page.contains("launched by bob"), page);
        assertTrue(browser.shown(By.cssSelector("[data-variable='Customer']")).getText().contains(customer));
        assertTrue(browser.shown(By.cssSelector("[data-variable='Secret']")).getText()
                .contains("Hidden: you may not see this value"));
        assertFalse(browser.driver.getPageSource().contains(secret), "the restricted value is not in the page");
        assertTrue(browser.shown(By.cssSelector("ol[data-list='steps']")).getText().contains("Wait"), "the timeline");
        assertTrue(browser.driver.findElements(By.id("cancel-flow")).isEmpty(), "alice may view, not manage");
        browser.screenshot("17-processes-flow");

        client.open("processes");
        client.awaitTitle("Processes");
        // a date-time field's value as the browser's picker leaves it
        browser.driver.executeScript("arguments[0].value = '2026-03-01T10:00'", client.control("Started from"));
        browser.driver.executeScript("arguments[0].value = '2026-02-01T10:00'", client.control("Started before"));
        client.press("Search");
        assertEquals("must be after 'from'", client.errorAt("Started before"));
        browser.screenshot("18-processes-bad-filter");
        client.signOut();

        client.signIn("admin");
        client.open("processes/" + flowId);
        awaitFlowTitle();
        assertTrue(browser.shown(By.cssSelector("[data-variable='Secret']")).getText().contains(secret),
                "an auditor sees the value");
        client.press("Cancel flow");
        client.press("Yes, cancel it");
        browser.shown(By.cssSelector(".page-header .badge-flow-cancelled"));
        assertEquals("cancelled", Server.get("admin", "flows/" + flowId).object().getString("status"));
        client.signOut();
    }

    @Test
    void aLauncherWithoutTheViewRightFindsOnlyTheirOwnFlows() {
        var mine = launch("bob", "Initech" + (System.nanoTime() % 1_000_000), "x");
        var others = launch("admin", "Umbrella" + (System.nanoTime() % 1_000_000), "y");

        client.signIn("bob");
        search("Browser audit", "waiting");
        browser.shown(row(mine));
        assertTrue(browser.driver.findElements(row(others)).isEmpty(), "admin's flow is not listed for bob");
        assertTrue(browser.await(d -> d.findElement(By.id("found")).getText()).startsWith("Flows 1–"));
        browser.screenshot("19-processes-search");
        client.open("processes/" + others);
        client.awaitTitle("Flow not found");
        client.signOut();
    }
}
