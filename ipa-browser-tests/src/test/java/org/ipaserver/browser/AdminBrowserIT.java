package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Administration: admin creates a workgroup, adds and removes a member, sets a user's licence and
 * skills (a level out of range refused at its field), grants and revokes a right; the server holds
 * what the page says.
 */
class AdminBrowserIT extends BrowserSession {

    @Test
    void anAdministratorManagesWorkgroupsUsersAndRights() {
        var tag = System.nanoTime() % 1_000_000;
        var team = "BrowserTeam" + tag;
        var carol = "carol" + tag;
        client.signIn("admin");
        client.navLink("Administration").click();
        client.awaitTitle("Administration");

        client.press("Create workgroup");
        assertEquals("Workgroup name is required.", client.errorAt("Workgroup name"));
        client.type("Workgroup name", team);
        client.type("Description", "Browser test team");
        client.press("Create workgroup");
        client.awaitTitle("Workgroup " + team);
        client.type("User name", carol);
        client.press("Add member");
        browser.shown(By.cssSelector("[data-member='" + carol + "']"));
        assertEquals("[\"" + carol + "\"]", Server.get("admin", "workgroups/" + team).object()
                .getJsonArray("members").toString());
        browser.screenshot("23-admin-workgroup");
        browser.click(By.cssSelector("[aria-label='Remove " + carol + "']"));
        browser.await(d -> d.findElements(By.cssSelector("[data-member='" + carol + "']")).isEmpty() ? true : null);
        assertEquals("[]", Server.get("admin", "workgroups/" + team).object().getJsonArray("members").toString());

        client.open("admin/user/" + carol);
        client.awaitTitle("User " + carol);
        client.choose("Licence", "GROUP_ROUTED");
        browser.click(By.id("save-licence"));
        browser.await(d -> "GROUP_ROUTED".equals(Server.get("admin", "users/" + carol + "/licence").object()
                .getString("licence", null)) ? true : null);
        client.awaitTitle("User " + carol);
        client.type("New skill", "Spanish");
        client.type("Level (1 to 100)", "150");
        client.press("Save skills");
        assertTrue(client.errorAt("Level (1 to 100)").contains("100"), "the level is refused at its field");
        client.type("Level (1 to 100)", "40");
        client.press("Save skills");
        browser.shown(By.cssSelector("input[data-skill='Spanish']"));
        JsonObject skills = Server.get("admin", "users/" + carol + "/skills").object();
        assertEquals(40, skills.getInt("Spanish"));
        browser.screenshot("24-admin-user");

        client.open("admin");
        client.awaitTitle("Administration");
        client.press("Grant");
        assertTrue(!client.errorAt("Grantee").isBlank(), "a grant names its grantee");
        client.type("Grantee", carol);
        client.choose("Right", "LAUNCH");
        client.press("Grant");
        var row = By.cssSelector("tr[data-grant='user:" + carol + ":LAUNCH:*']");
        browser.shown(row);
        browser.screenshot("25-admin-rights");
        browser.click(By.cssSelector("[aria-label='Revoke LAUNCH on * from user " + carol + "']"));
        browser.await(d -> d.findElements(row).isEmpty() ? true : null);
        assertTrue(Server.get("admin", "rights").json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .noneMatch(g -> g.getString("principal").equals(carol)), "the grant is gone");
        client.signOut();
    }
}
