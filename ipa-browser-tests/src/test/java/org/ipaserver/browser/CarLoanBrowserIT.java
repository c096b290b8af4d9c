package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Car Loan review in the browser: bob launches a large loan from Start a process (a bad value
 * refused at its field first), alice finds the underwriter's work item in My Work Items, picks it
 * up, has a bad value refused at its field, and approves.
 */
class CarLoanBrowserIT extends BrowserSession {

    @BeforeAll
    static void open() {
        Server.aliceUnderwrites();
    }

    @Test
    void bobLaunchesALargeLoanAndAliceApprovesItInTheForm() {
        var applicant = "Ann" + (System.nanoTime() % 1_000_000);
        var launchedBefore = Server.flowsLaunchedBy("CarLoan", "bob");

        client.signIn("bob");
        client.navLink("Start a process").click();
        client.awaitTitle("Start a process");
        browser.screenshot("03-start-a-process");
        browser.click(By.linkText("Car loan"));
        client.awaitTitle("Launch Car loan");
        client.type("First name", applicant);
        client.type("Last name", "Lee");
        client.type("SSN", "078-05-1120");
        client.type("Loan amount", "60000");
        client.type("Credit score", "seven hundred");
        client.type("Mailbox", "ann-at-example");
        client.press("Launch Car loan");

        // the form checks what a number must look like itself ...
        assertEquals("Enter a whole number, such as 720.", client.errorAt("Credit score"));
        assertEquals("true", client.control("Credit score").getAttribute("aria-invalid"));
        client.type("Credit score", "720");
        client.press("Launch Car loan");

        // ... and shows the server's refusal of the rest at its field
        assertEquals("A String value that is not an email address cannot be stored in a Mailbox variable.",
                client.errorAt("Mailbox"));
        assertEquals("", client.fieldWrapper("Credit score").findElement(By.className("field-error")).getText());
        assertEquals(launchedBefore, Server.flowsLaunchedBy("CarLoan", "bob"), "a refused launch starts no flow");
        browser.screenshot("04-launch-form-error");

        client.type("Mailbox", "ann.lee@example.com");
        client.press("Launch Car loan");

        browser.shown(By.cssSelector(".success-panel"));
        assertTrue(browser.text().contains("Car loan launched"), browser.text());
        assertEquals(launchedBefore + 1, Server.flowsLaunchedBy("CarLoan", "bob"));
        browser.screenshot("05-launched");
        client.signOut();

        client.signIn("alice");
        var review = "Review the car loan of " + applicant + " Lee";
        client.awaitWorkItem(review);
        browser.screenshot("06-my-work-items");
        browser.size(Browser.PHONE);
        browser.screenshot("11-phone-my-work-items");
        browser.click(By.id("menu-toggle"));
        browser.shown(By.linkText("Start a process"));
        browser.screenshot("12-phone-menu");
        browser.click(By.id("menu-toggle"));
        client.awaitWorkItem(review).click();
        client.awaitTitle(review);
        browser.screenshot("16-phone-work-item");
        browser.size(Browser.DESKTOP);
        assertEquals("078-05-1120", client.control("SSN").getAttribute("value"), "alice is listed in PersonalData");
        assertTrue(client.control("Body type").getAttribute("disabled") != null, "not editable before pick-up");
        browser.screenshot("07-work-item-alerting");

        client.press("Pick up");
        browser.shown(By.cssSelector("button[data-button='Approve']"));
        // A value outside the choices, as a tampered or outdated page would send it: the server is the judge.
        browser.driver.executeScript("""
                const select = [...document.querySelectorAll('select')].find(s => s.name === 'bodyType');
                select.add(new Option('Tank', 'Tank'));
                select.value = 'Tank';
                """);
        client.press("Approve");

        assertEquals("Body type must be one of Sedan, Coupe, SUV, Truck.", client.errorAt("Body type"));
        assertTrue(browser.text().contains("One field needs attention."), browser.text());
        browser.screenshot("08-work-item-error");
        var flow = flowOf(applicant);
        assertEquals("waiting", flow.getString("status"), "nothing changed: " + flow);

        client.choose("Body type", "SUV");
        client.press("Approve");

        client.awaitTitle("My Work Items");
        assertFalse(browser.driver.getPageSource().contains(review), "the item is done");
        var approved = Server.get("admin", "flows/" + flow.getString("id")).object();
        assertEquals("completed", approved.getString("status"), approved.toString());
        assertEquals("Approved", approved.getJsonObject("variables").getString("Status"));
        assertEquals("SUV", approved.getJsonObject("variables").getString("BodyType"));
        client.signOut();
    }

    private static jakarta.json.JsonObject flowOf(String applicant) {
        var page = Server.get("admin", "flows?definition=CarLoan&launchedBy=bob&size=20").object();
        for (var summary : page.getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class)) {
            var flow = Server.get("admin", "flows/" + summary.getString("id")).object();
            var variables = flow.getJsonObject("variables");
            if (variables.containsKey("FirstName") && variables.getString("FirstName").equals(applicant)) {
                return flow;
            }
        }
        throw new AssertionError("no flow of " + applicant + " among bob's latest: " + page);
    }
}
