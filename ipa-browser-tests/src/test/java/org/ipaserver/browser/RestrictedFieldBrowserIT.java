package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Data access security in the page: victor works an item whose form shows a value only admin may
 * see; the field says it is hidden, and the value is nowhere in the page, its source or what the
 * page's script holds. A required number is refused at its field by the form and by the server.
 */
class RestrictedFieldBrowserIT extends BrowserSession {

    private static final String PROCESS = "BrowserSecretCheck";

    @BeforeAll
    static void open() {
        Server.require(Server.post("admin", "definitions", """
                { "name": "%s", "description": "An audit check of a customer (browser tests)", "startState": "Check",
                  "securitySpecifications": [ { "name": "Auditors", "users": ["admin"] } ],
                  "variables": [ { "name": "Customer", "type": "String" },
                                 { "name": "Secret", "type": "String", "securitySpecification": "Auditors" },
                                 { "name": "Rating", "type": "Integer" } ],
                  "forms": [ { "name": "Check", "category": "Audits", "description": "Check ${Customer}",
                    "fields": [ { "name": "customer", "label": "Customer", "variable": "Customer", "readOnly": true },
                                { "name": "secret", "label": "Account secret", "variable": "Secret", "readOnly": true },
                                { "name": "rating", "label": "Rating", "variable": "Rating", "required": true } ],
                    "buttons": [ { "name": "Done" } ] } ],
                  "states": [ { "name": "Check", "actions": [
                    { "type": "SendWorkItemToUser", "form": "Check", "user": "victor", "exits": { "Done": [] } } ] } ] }
                """.formatted(PROCESS)));
    }

    @Test
    void aValueTheUserMayNotSeeIsNeverInThePage() {
        var customer = "Acme" + (System.nanoTime() % 1_000_000);
        var secret = "TOPSECRET-" + System.nanoTime();
        var launched = Server.require(Server.post("admin", "flows", """
                {"definition": "%s", "variables": {"Customer": "%s", "Secret": "%s"}}""".formatted(PROCESS, customer, secret)));
        var flowId = launched.object().getString("id");

        client.signIn("victor");
        client.awaitWorkItem("Check " + customer).click();
        client.awaitTitle("Check " + customer);
        client.press("Pick up");
        browser.shown(By.cssSelector("button[data-button='Done']"));

        var hidden = client.fieldWrapper("Account secret");
        assertTrue(hidden.getText().contains("Hidden: you may not see this value"), hidden.getText());
        assertFalse(browser.driver.getPageSource().contains(secret), "the value is not in the page");
        assertFalse(String.valueOf(browser.driver.executeScript("return document.documentElement.outerHTML"))
                .contains(secret), "nor in the live document");
        assertEquals(customer, client.control("Customer").getAttribute("value"));
        browser.screenshot("09-restricted-field");

        client.type("Rating", "four");
        client.press("Done");
        assertEquals("Enter a whole number, such as 720.", client.errorAt("Rating"));
        client.type("Rating", "");
        client.press("Done");
        assertEquals("Rating is required.", client.errorAt("Rating"));
        assertEquals("waiting", Server.get("admin", "flows/" + flowId).object().getString("status"));

        client.type("Rating", "4");
        client.press("Done");
        client.awaitTitle("My Work Items");
        var done = Server.get("admin", "flows/" + flowId).object();
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(4, done.getJsonObject("variables").getInt("Rating"));
        assertFalse(browser.driver.getPageSource().contains(secret));
        client.signOut();
    }
}
