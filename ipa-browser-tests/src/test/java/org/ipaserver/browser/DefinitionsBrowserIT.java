package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Definitions: a version drawn as a chart of its states, arrows labelled with the button or branch
 * that takes them, and an outline of the same in words; a process of 30 states stays readable and
 * each state is reached from the chart with the keyboard.
 */
class DefinitionsBrowserIT extends BrowserSession {

    private static final String REVIEW = "BrowserReview";
    private static final String THIRTY = "BrowserThirtyStates";

    @BeforeAll
    static void open() {
        Server.require(Server.post("admin", "definitions", """
                { "name": "%s", "description": "A review with two outcomes (browser tests)", "startState": "Review",
                  "variables": [ { "name": "Note", "type": "String" } ],
                  "forms": [ { "name": "Check", "fields": [ { "name": "note", "variable": "Note" } ],
                               "buttons": [ { "name": "Approve" }, { "name": "Deny" } ] } ],
                  "states": [
                    { "name": "Review", "actions": [ { "type": "SendWorkItemToUser", "form": "Check", "user": "alice",
                        "exits": { "Approve": [ { "type": "ChangeState", "state": "Approved" } ],
                                   "Deny": [ { "type": "ChangeState", "state": "Denied" } ] } } ] },
                    { "name": "Approved", "actions": [ { "type": "EndProcess" } ] },
                    { "name": "Denied", "actions": [ { "type": "Wait", "duration": "PT1M" },
                                                     { "type": "ChangeState", "state": "Review" } ] } ] }
                """.formatted(REVIEW)));
        // 30 states: each waits, then goes on to the next or, every third one, back a few states
        var states = IntStream.rangeClosed(1, 30).mapToObj(i -> {
            var next = i == 30 ? "{ \"type\": \"EndProcess\" }" : """
                    { "type": "Decision", "name": "Check %d", "condition": "${Count > %d}",
                      "then": [ { "type": "ChangeState", "state": "Step%02d" } ],
                      "else": [ { "type": "ChangeState", "state": "Step%02d" } ] }""".formatted(i, i,
                    i + 1, i % 3 == 0 ? Math.max(1, i - 4) : Math.min(30, i + 2));
            return """
                    { "name": "Step%02d", "actions": [ { "type": "Wait", "duration": "PT1S" },
                      { "type": "UpdateVariables", "assignments": [ { "variable": "Count", "value": "${Count + 1}" } ] },
                      %s ] }""".formatted(i, next);
        }).collect(Collectors.joining(",\n"));
        Server.require(Server.post("admin", "definitions", """
                { "name": "%s", "description": "Thirty states (browser tests)", "startState": "Step01",
                  "variables": [ { "name": "Count", "type": "Integer", "initial": 0 } ],
                  "states": [ %s ] }""".formatted(THIRTY, states)));
    }

    private void awaitTitleStarting(String prefix) {
        browser.await(d -> d.findElement(By.id("page-title")).getText().startsWith(prefix) ? true : null);
    }

    @Test
    void aVersionIsDrawnWithItsLabelledChangesOfStateAndListedInWords() {
        client.signIn("victor");
        client.navLink("Definitions").click();
        client.awaitTitle("Definitions");
        browser.click(By.cssSelector("tr[data-definition='" + REVIEW + "'] a"));
        awaitTitleStarting("Browser review v");

        assertEquals(3, browser.driver.findElements(By.cssSelector("svg.statechart g.state")).size());
        var arrows = browser.driver.findElements(By.cssSelector("svg.statechart path.edge title")).stream()
                .map(t -> t.getAttribute("textContent")).sorted().toList();
        assertEquals("[Denied → Review, Review → Approved (Approve), Review → Denied (Deny)]", arrows.toString());
        assertTrue(browser.shown(By.cssSelector("svg.statechart g.state-start")).getAttribute("aria-label")
                .startsWith("State Review, the start: work item"));
        var outline = browser.shown(By.cssSelector("[data-outline-state='Review']")).getText();
        assertTrue(outline.contains("SendWorkItemToUser Check to alice"), outline);
        assertTrue(outline.contains("APPROVE") && outline.contains("ChangeState → Approved"), outline);
        browser.screenshot("20-definition-review");
        client.signOut();
    }

    @Test
    void thirtyStatesStayReadableAndEachIsReachedFromTheChartWithTheKeyboard() {
        client.signIn("alice");
        client.open("definitions/" + THIRTY);
        awaitTitleStarting("Browser thirty states v");

        assertEquals(30, browser.driver.findElements(By.cssSelector("svg.statechart g.state")).size());
        assertEquals(30, browser.driver.findElements(By.cssSelector("[data-outline-state]")).size());
        assertTrue(browser.driver.findElements(By.cssSelector("svg.statechart path.edge")).size() >= 29);
        // no two states drawn on top of each other
        var boxes = browser.driver.findElements(By.cssSelector("svg.statechart g.state rect")).stream()
                .map(r -> r.getAttribute("x") + "," + r.getAttribute("y")).collect(Collectors.toSet());
        assertEquals(30, boxes.size(), "every state has its own place");
        browser.screenshot("21-definition-thirty-states");

        var step17 = browser.shown(By.cssSelector("svg.statechart g.state[data-state='Step17']"));
        step17.sendKeys(Keys.ENTER);
        browser.await(d -> "Step17".equals(d.switchTo().activeElement().getAttribute("data-outline-state")) ? true : null);

        browser.size(Browser.PHONE);
        browser.driver.executeScript("window.scrollTo(0, 0)");
        browser.screenshot("22-definition-phone");
        browser.size(Browser.DESKTOP);

        client.open("definitions/NoSuchProcess" + System.nanoTime());
        client.awaitTitle("No such process");
        client.signOut();
    }
}
