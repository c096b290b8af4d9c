package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * My Work Items live: an item sent to alice while her list is open appears without a refresh, and
 * leaves it when it is handed to bob from its form (an empty name refused at its field first).
 */
class LiveWorkItemsBrowserIT extends BrowserSession {

    static final String DESK = """
            { "name": "BrowserDesk", "startState": "S",
              "variables": [ { "name": "Reviewer", "type": "String" }, { "name": "Note", "type": "String" } ],
              "forms": [ { "name": "F", "category": "Desk", "description": "Desk item ${Note}",
                           "fields": [ { "name": "note", "variable": "Note", "readOnly": true } ],
                           "buttons": [ { "name": "Ok" } ] } ],
              "states": [ { "name": "S", "actions": [
                { "type": "SendWorkItemToUser", "form": "F", "user": "${Reviewer}" }, { "type": "EndProcess" } ] } ] }
            """;

    @BeforeAll
    static void publish() {
        if (Server.get("admin", "definitions/BrowserDesk").status() == 404) {
            Server.require(Server.post("admin", "definitions", DESK));
        }
    }

    @Test
    void anItemSentWhileTheListIsOpenAppearsByItselfAndLeavesWhenTransferred() {
        var note = "N" + (System.nanoTime() % 1_000_000);
        var description = "Desk item " + note;
        client.signIn("alice");
        client.open("work");
        var status = By.id("live-status");
        browser.await(ExpectedConditions.textMatches(status, java.util.regex.Pattern.compile("^Live")));
        var refreshes = browser.driver.findElements(By.cssSelector("#refresh")).size();

        var launched = Server.require(Server.post("admin", "flows", """
                { "definition": "BrowserDesk", "variables": { "Reviewer": "alice", "Note": "%s" } }""".formatted(note)))
                .object();
        var row = By.xpath("//table[@data-list='mine']//a[normalize-space(.)='" + description + "']");
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(200))
                .until(ExpectedConditions.visibilityOfElementLocated(row));
        assertEquals(1, refreshes, "the page did not need its Refresh button");
        browser.screenshot("44-my-work-items-live");

        browser.click(row);
        client.awaitTitle(description);
        client.press("Pick up");
        browser.shown(By.cssSelector("button[data-button='Ok']"));
        browser.click(By.xpath("//summary[normalize-space(.)='Transfer this item']"));
        client.press("Transfer");
        assertEquals("Give the user or the workgroup to hand the item to.", client.errorAt("Name"));
        client.type("Name", "bob");
        browser.screenshot("45-work-item-transfer");
        client.press("Transfer");

        client.awaitTitle("My Work Items");
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(200))
                .until(ExpectedConditions.invisibilityOfElementLocated(row));
        var bobs = Server.get("bob", "workitems").json().asJsonArray().stream().map(v -> (JsonObject) v)
                .filter(i -> i.getString("flowId").equals(launched.getString("id"))).toList();
        assertEquals(1, bobs.size(), "the item is bob's now: " + bobs);
        assertEquals("bob", bobs.get(0).getString("owner"));
        assertFalse(browser.driver.getPageSource().contains(description), "gone from alice's lists");
        assertTrue(browser.shown(status).getText().startsWith("Live"), browser.shown(status).getText());
        client.signOut();
    }
}
