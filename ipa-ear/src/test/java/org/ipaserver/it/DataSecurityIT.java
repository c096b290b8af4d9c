package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A unique secret in a variable under a security specification that lists alice only: every read
 * endpoint, driven as users outside the list (even with View and Manage rights), never returns it,
 * and the server log never contains it.
 */
@ExtendWith(ArquillianExtension.class)
class DataSecurityIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    @Test
    void aSecuredValueReachesNoUnlistedUserAndNoLogLine() throws Exception {
        var api = Api.at(contextRoot);
        var name = "Secret" + System.nanoTime();
        var secret = "SSN-" + System.nanoTime() + "-XQ";
        var definition = """
                { "name": "%s", "startState": "S",
                  "securitySpecifications": [ { "name": "OnlyAlice", "users": ["alice"] } ],
                  "variables": [ { "name": "Ssn", "type": "String", "securitySpecification": "OnlyAlice" },
                                 { "name": "Amount", "type": "Integer" }, { "name": "Note", "type": "String" },
                                 { "name": "Mail", "type": "Mailbox" } ],
                  "forms": [ { "name": "Check", "description": "Check the request",
                    "fields": [ { "name": "ssn", "variable": "Ssn" }, { "name": "note", "variable": "Note" } ],
                    "buttons": [ { "name": "Ok" } ] } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "UpdateVariables", "assignments": [ { "variable": "Amount", "value": "${Amount * 2}" } ] },
                    { "type": "SendWorkItemToUser", "form": "Check", "user": "bob" },
                    { "type": "UpdateVariables", "assignments": [ { "variable": "Mail", "value": "${Ssn}" } ] } ] } ] }
                """.formatted(name);
        assertEquals(201, api.post(Api.ADMIN, "definitions", definition).status());
        var launched = api.post(Api.BOB, "flows", """
                { "definition": "%s", "variables": { "Ssn": "%s", "Amount": 21 } }""".formatted(name, secret));
        assertEquals(201, launched.status(), launched::toString);
        var flowId = launched.json().getString("id");

        var bodies = new ArrayList<String>();
        bodies.add(launched.body());
        for (var who : List.of(Api.BOB, Api.VICTOR, Api.ADMIN)) {
            var flow = api.get(who, "flows/" + flowId);
            assertEquals(200, flow.status());
            assertEquals(List.of("Ssn"), flow.json().getJsonArray("restrictedVariables").getValuesAs(
                    jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            bodies.add(flow.body());
            bodies.add(api.get(who, "flows?definition=" + name).body());
        }
        var items = api.get(Api.BOB, "workitems").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("flowId").equals(flowId)).toList();
        assertEquals(1, items.size());
        var itemId = items.get(0).getString("id");
        var item = api.get(Api.BOB, "workitems/" + itemId);
        bodies.add(item.body());
        var ssnField = item.json().getJsonArray("fields").getJsonObject(0);
        assertTrue(ssnField.getBoolean("restricted") && ssnField.getBoolean("readOnly"), ssnField::toString);
        bodies.add(api.post(Api.BOB, "workitems/" + itemId + "/pickup", "").body());
        var overwrite = api.post(Api.BOB, "workitems/" + itemId + "/complete",
                "{\"button\":\"Ok\",\"values\":{\"ssn\":\"000\"}}");
        assertEquals(400, overwrite.status(), "a restricted field cannot be written: " + overwrite);
        bodies.add(overwrite.body());
        // completing stores the SSN in a Mailbox: the flow's error names the variable, not the value
        var done = api.post(Api.BOB, "workitems/" + itemId + "/complete", "{\"button\":\"Ok\",\"values\":{\"note\":\"n\"}}");
        assertEquals(200, done.status(), done::toString);
        bodies.add(done.body());
        var failed = api.get(Api.VICTOR, "flows/" + flowId);
        assertEquals("error", failed.json().getString("status"), failed::toString);
        bodies.add(failed.body());
        bodies.add(api.get(Api.VICTOR, "flows?status=error&definition=" + name).body());

        for (var body : bodies) {
            assertFalse(body.contains(secret), "the secret leaked in: " + body);
        }
        var alice = api.get(Api.ALICE, "flows/" + flowId);
        assertTrue(alice.body().contains(secret), "alice is listed: she sees it");

        var log = Path.of(System.getProperty("payara.home"), "glassfish", "domains", System.getProperty("ipa.it.domain"),
                "logs", "server.log");
        assertTrue(Files.exists(log), log::toString);
        assertFalse(Files.readString(log).contains(secret), "the secret is in the server log");
    }

    @Test
    void aWorkItemDescriptionOverARestrictedVariableIsRefusedAtPublish() {
        var refused = Api.at(contextRoot).post(Api.ADMIN, "definitions", """
                { "name": "Leaky%d", "startState": "S",
                  "securitySpecifications": [ { "name": "OnlyAlice", "users": ["alice"] } ],
                  "variables": [ { "name": "Ssn", "type": "String", "securitySpecification": "OnlyAlice" } ],
                  "forms": [ { "name": "Check", "buttons": [ { "name": "Ok" } ] } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "SendWorkItemToUser", "form": "Check", "user": "bob", "description": "SSN ${Ssn}" } ] } ] }
                """.formatted(System.nanoTime()));
        assertEquals(400, refused.status(), refused::toString);
        var problem = refused.json().getJsonArray("problems").getJsonObject(0);
        assertEquals("$.states[0].actions[0].description", problem.getString("path"));
        assertTrue(problem.getString("message").contains("'Ssn'") && problem.getString("message")
                .contains("'OnlyAlice'"), problem::toString);
    }
}
