package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Supervision: a supervisor watches a workgroup's queue and sees it change while the page stays
 * open: an item arrives while its only member is away (waiting 1, nobody to pick), she comes back
 * and routing gives it to her (waiting 0, in her hand), she completes it (in hand 0).
 */
class SupervisionBrowserIT extends BrowserSession {

    @Test
    void aSupervisorSeesTheQueueChangeWhileWatching() {
        var tag = System.nanoTime() % 1_000_000;
        var team = "Watch" + tag;
        var process = "Watched" + tag;
        Server.require(Server.put("admin", "workgroups/" + team, "{\"description\":\"Watched queue\",\"members\":[\"alice\"]}"));
        Server.require(Server.put("admin", "users/alice/licence", "{\"licence\":\"GROUP_ROUTED\"}"));
        Server.require(Server.put("alice", "users/alice/presence", "{\"presence\":\"away\"}"));
        Server.require(Server.post("admin", "definitions", """
                { "name": "%s", "startState": "S",
                  "forms": [ { "name": "Look", "fields": [], "buttons": [ { "name": "Done" } ] } ],
                  "states": [ { "name": "S", "actions": [ { "type": "SendWorkItemToWorkgroup", "form": "Look",
                    "workgroup": "%s" } ] } ] }
                """.formatted(process, team)));

        client.signIn("admin");
        client.navLink("Supervision").click();
        client.awaitTitle("Supervision");
        var queue = By.cssSelector("li[data-workgroup='" + team + "']");
        var waiting = By.cssSelector("li[data-workgroup='" + team + "'] [data-stat='waiting'] .stat-value");
        assertEquals("0", browser.shown(waiting).getText());
        assertTrue(browser.shown(queue).getText().contains("nobody now"), "alice is away");

        var flowId = Server.require(Server.post("bob", "flows", "{\"definition\":\"" + process + "\"}")).object().getString("id");
        browser.await(d -> d.findElement(waiting).getText().equals("1") ? true : null);
        assertTrue(browser.shown(queue).getText().contains("nobody now"), "the item waits: nobody may take it");
        browser.screenshot("42-supervision-waiting");

        // alice comes back: routing gives her the waiting item, and the page shows it without a reload
        var inHand = By.cssSelector("li[data-workgroup='" + team + "'] tr[data-member='alice'] [data-in-hand]");
        var before = browser.shown(inHand).getText(); // what other tests left in her hands
        var after = String.valueOf(Integer.parseInt(before) + 1);
        Server.require(Server.put("alice", "users/alice/presence", "{\"presence\":\"available\"}"));
        browser.await(d -> d.findElement(waiting).getText().equals("0") && d.findElement(inHand).getText().equals(after)
                ? true : null);
        assertEquals("alice", browser.shown(By.cssSelector("li[data-workgroup='" + team + "'] [data-stat='next'] .stat-value"))
                .getText());
        browser.screenshot("43-supervision-routed");

        var item = Server.get("alice", "workitems").json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("flowId").equals(flowId)).findFirst().orElseThrow();
        Server.require(Server.post("alice", "workitems/" + item.getString("id") + "/pickup", null));
        Server.require(Server.post("alice", "workitems/" + item.getString("id") + "/complete", "{\"button\":\"Done\"}"));
        browser.await(d -> d.findElement(inHand).getText().equals(before) ? true : null);
        client.signOut();
    }
}
