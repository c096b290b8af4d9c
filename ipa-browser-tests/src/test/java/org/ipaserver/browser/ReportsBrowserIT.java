package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Reports: a viewer reads today's flows of a process, its time in states and the values of its
 * reported variable, never the restricted one; a bad period is named at its field; a supervisor
 * also sees the work items per workgroup.
 */
class ReportsBrowserIT extends BrowserSession {

    private static final String PROCESS = "BrowserSurvey";
    private static final String SECRET = "SURVEY-SECRET-" + System.nanoTime();

    @BeforeAll
    static void flows() {
        Server.require(Server.post("admin", "definitions", """
                { "name": "%s", "description": "A survey that moves on by itself (browser tests)", "startState": "Asked",
                  "securitySpecifications": [ { "name": "Auditors", "users": ["admin"] } ],
                  "variables": [ { "name": "Answer", "type": "String", "report": true },
                                 { "name": "Secret", "type": "String", "report": true, "securitySpecification": "Auditors" } ],
                  "states": [ { "name": "Asked", "actions": [ { "type": "ChangeState", "state": "Counted" } ] },
                              { "name": "Counted", "actions": [
                                { "type": "UpdateVariables", "assignments": [ { "variable": "Answer", "value": "${Answer}" } ] } ] } ] }
                """.formatted(PROCESS)));
        for (var answer : new String[] {"yes", "yes", "no", "<img src=x onerror=alert(1)>"}) {
            Server.require(Server.post("bob", "flows", """
                    {"definition": "%s", "variables": {"Answer": "%s", "Secret": "%s"}}""".formatted(PROCESS, answer, SECRET)));
        }
    }

    @Test
    void aViewerReadsTheDayTheStatesAndTheReportedValuesButNeverARestrictedOne() {
        client.signIn("alice");
        client.navLink("Reports").click();
        client.awaitTitle("Reports");
        client.choose("Process", "Browser survey");
        client.press("Show report");

        var launched = By.cssSelector("[data-stat='launched'] .stat-value");
        browser.await(d -> Integer.parseInt(d.findElement(launched).getText().replace(",", "")) >= 4 ? true : null);
        var completed = browser.shown(By.cssSelector("[data-stat='completed'] .stat-value")).getText();
        assertEquals(browser.shown(launched).getText(), completed, "these flows run straight through");
        assertTrue(browser.shown(By.cssSelector("ul[data-list='states'] li[data-bar='Asked']")).isDisplayed());
        assertTrue(browser.shown(By.cssSelector("ul[data-list='states'] li[data-bar='Counted']")).isDisplayed());
        var values = browser.shown(By.cssSelector("ul[data-list='values']"));
        browser.await(d -> values.getText().contains("yes") ? true : null);
        assertTrue(values.getText().contains("<img src=x onerror=alert(1)>"), "a value is shown as text: " + values.getText());
        assertTrue(browser.driver.findElements(By.cssSelector("ul[data-list='values'] img")).isEmpty(), "never as markup");
        assertFalse(browser.driver.getPageSource().contains(SECRET), "the restricted value is nowhere in the page");
        assertTrue(browser.driver.findElements(By.id("work-title")).isEmpty(), "workgroups are for supervisors");
        browser.screenshot("40-reports");

        // a date control takes what the user's locale types; the value it then holds is ISO
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].value = '2026-03-02'; arguments[1].value = '2026-03-01'", client.control("From"),
                client.control("To"));
        client.press("Show report");
        assertTrue(client.errorAt("From").contains("after"), client.errorAt("From"));
        client.signOut();
    }

    @Test
    void aSupervisorAlsoSeesTheWorkItemsPerWorkgroup() {
        client.signIn("admin");
        client.open("reports");
        client.awaitTitle("Reports");
        client.choose("Process", "Browser survey");
        client.press("Show report");
        browser.shown(By.id("work-title"));
        assertTrue(browser.shown(By.id("work-csv")).isDisplayed());
        browser.screenshot("41-reports-supervisor");
        client.signOut();
    }
}
