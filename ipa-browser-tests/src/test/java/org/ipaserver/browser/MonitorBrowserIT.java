package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Monitor page in Chromium: a flow launched elsewhere appears live with its events, a
 * restricted value never reaches the page; after the connection is dropped and made again
 * (Pause, then Resume: the same reconnection with the last number the page makes by itself when
 * the server goes away) every event of the meantime arrives, once, in order; a manager cancels a
 * flow from the monitor and sees it happen.
 */
class MonitorBrowserIT extends BrowserSession {

    private static final String PROCESS = "BrowserWatch";
    private static final String LABEL = "Browser watch";

    @BeforeAll
    static void open() {
        Server.require(Server.post("admin", "definitions", """
                { "name": "%s", "description": "Waits an hour after its intake (browser tests)", "startState": "Intake",
                  "securitySpecifications": [ { "name": "Auditors", "users": ["admin"] } ],
                  "variables": [ { "name": "Customer", "type": "String" },
                                 { "name": "Secret", "type": "String", "securitySpecification": "Auditors" } ],
                  "states": [
                    { "name": "Intake", "actions": [ { "type": "ChangeState", "state": "Pause" } ] },
                    { "name": "Pause", "actions": [ { "type": "Wait", "duration": "PT1H" } ] } ] }
                """.formatted(PROCESS)));
    }

    private static String launch(String user, String customer, String secret) {
        return Server.require(Server.post(user, "flows", """
                {"definition": "%s", "variables": {"Customer": "%s", "Secret": "%s"}}""".formatted(PROCESS, customer,
                secret))).object().getString("id");
    }

    private void watch() {
        client.open("monitor");
        client.awaitTitle("Monitor");
        client.choose("Process", LABEL);
        client.press("Watch");
        awaitStatus("Live");
    }

    private void awaitStatus(String start) {
        browser.await(d -> d.findElement(By.id("monitor-status")).getText().startsWith(start) ? true : null);
    }

    private WebElement awaitEvent(String flowId, String kind) {
        return browser.shown(By.cssSelector("ol[data-list='events'] li[data-flow='" + flowId + "'][data-kind='" + kind
                + "']"));
    }

    /** The numbers of the events the page lists, oldest first. */
    private List<Long> numbers() {
        var items = browser.driver.findElements(By.cssSelector("ol[data-list='events'] li"));
        var numbers = new ArrayList<Long>();
        for (int i = items.size() - 1; i >= 0; i--) {
            numbers.add(Long.parseLong(items.get(i).getAttribute("data-seq")));
        }
        return numbers;
    }

    private List<String> kindsOf(String flowId) {
        var items = browser.driver.findElements(By.cssSelector("ol[data-list='events'] li[data-flow='" + flowId + "']"));
        var kinds = new ArrayList<String>();
        for (int i = items.size() - 1; i >= 0; i--) {
            kinds.add(items.get(i).getAttribute("data-kind"));
        }
        return kinds;
    }

    @Test
    void aFlowIsSeenLiveAndNothingIsMissedAcrossAReconnect() {
        client.signIn("alice");
        watch();
        browser.screenshot("26-monitor-watching");

        var secret = "WATCH-SECRET-" + System.nanoTime();
        var first = launch("bob", "Acme", secret);
        awaitEvent(first, "waitingOn");
        assertEquals(List.of("launched", "stateChanged", "waitingOn"), kindsOf(first));
        var row = browser.shown(By.cssSelector("table[data-list='monitored-flows'] tr[data-flow='" + first + "']"));
        assertTrue(row.getText().contains("waiting") && row.getText().contains("Pause"), row.getText());
        assertTrue(browser.text().contains("Secret hidden"), "the restricted variable is named as hidden");
        assertFalse(browser.driver.getPageSource().contains(secret), "its value never reaches the page");
        assertTrue(row.findElements(By.cssSelector("[data-action='cancel']")).isEmpty(), "alice may view, not manage");
        browser.screenshot("27-monitor-live");

        client.press("Pause");
        awaitStatus("Paused");
        var second = launch("bob", "Globex", "x");
        var third = launch("bob", "Initech", "y");
        Server.require(Server.post("admin", "flows/" + first + "/cancel", "{}"));
        assertTrue(browser.driver.findElements(By.cssSelector("li[data-flow='" + second + "']")).isEmpty(),
                "paused: nothing arrives");

        client.press("Resume");
        awaitEvent(first, "cancelled");
        awaitEvent(third, "waitingOn");
        awaitStatus("Live");
        assertEquals(List.of("launched", "stateChanged", "waitingOn", "cancelled"), kindsOf(first));
        assertEquals(List.of("launched", "stateChanged", "waitingOn"), kindsOf(second), "missed while away, once");
        assertEquals(List.of("launched", "stateChanged", "waitingOn"), kindsOf(third));
        var numbers = numbers();
        for (int i = 1; i < numbers.size(); i++) {
            assertTrue(numbers.get(i) > numbers.get(i - 1), "each event once, in order: " + numbers);
        }
        browser.screenshot("28-monitor-caught-up");
        client.signOut();
    }

    @Test
    void aManagerCancelsAFlowFromTheMonitor() {
        client.signIn("admin");
        watch();
        var flow = launch("bob", "Hooli", "z");
        awaitEvent(flow, "waitingOn");
        var cancel = browser.shown(By.cssSelector("tr[data-flow='" + flow + "'] [data-action='cancel']"));
        browser.screenshot("29-monitor-manager");
        cancel.click();
        browser.driver.switchTo().alert().accept();
        awaitEvent(flow, "cancelled");
        assertEquals("cancelled", Server.get("admin", "flows/" + flow).object().getString("status"));
        client.signOut();
    }

    /**
     * The server stops under the page: it says the server is unavailable, and once the server is
     * back it reconnects by itself with its last number; what happened before it came back
     * (a flow cancelled, one launched) arrives. Restarts the server of ./ipa start (--no-build).
     */
    @Test
    void whileTheServerIsDownThePageSaysSoAndReconnectsByItself() {
        client.signIn("alice");
        watch();
        var before = launch("bob", "Stark", "s");
        awaitEvent(before, "waitingOn");

        Server.ipa("stop");
        awaitStatus("Server unavailable");
        browser.screenshot("30-monitor-server-unavailable");
        Server.ipa("start", "--no-build");
        Server.require(Server.post("admin", "flows/" + before + "/cancel", "{}"));
        var after = launch("bob", "Wayne", "w");

        awaitEvent(before, "cancelled");
        awaitEvent(after, "waitingOn");
        awaitStatus("Live");
        assertEquals(List.of("launched", "stateChanged", "waitingOn", "cancelled"), kindsOf(before));
        assertEquals(List.of("launched", "stateChanged", "waitingOn"), kindsOf(after));
        browser.screenshot("31-monitor-back");
        client.signOut();
    }
}
