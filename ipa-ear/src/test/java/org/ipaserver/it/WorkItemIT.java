package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A person answers a work item through the REST API and the flow goes on. */
@ExtendWith(ArquillianExtension.class)
class WorkItemIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private static String process(String name) {
        return """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "Amount", "type": "Decimal", "initial": 250 }, { "name": "Note", "type": "String" },
                                 { "name": "Outcome", "type": "String" } ],
                  "forms": [ { "name": "Approve", "description": "Approve ${Amount}?",
                    "fields": [ { "name": "amount", "variable": "Amount", "readOnly": true },
                                { "name": "note", "variable": "Note", "required": true } ],
                    "buttons": [ { "name": "Yes" }, { "name": "No" } ] } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "SendWorkItemToUser", "form": "Approve", "user": "alice",
                      "exits": { "Yes": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Outcome", "value": "yes: ${Note}" } ] } ] } } ] } ] }
                """.formatted(name);
    }

    @Test
    void aUserPicksUpFillsAndCompletesAWorkItem() throws Exception {
        var api = Api.at(contextRoot);
        var name = "Approval" + System.nanoTime();
        assertEquals(201, api.post(Api.ADMIN, "definitions", process(name)).status());
        var launched = api.post(Api.BOB, "flows", "{\"definition\":\"" + name + "\"}");
        assertEquals(201, launched.status(), launched::toString);
        assertTrue(launched.json().getString("waitingOn").contains("user alice"), launched::toString);
        var flowPath = "flows/" + launched.json().getString("id");

        var mine = api.get(Api.ALICE, "workitems").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("flowId").equals(launched.json().getString("id"))).toList();
        assertEquals(1, mine.size());
        var item = mine.get(0);
        assertEquals("Approve 250?", item.getString("description"));
        assertEquals("alerting", item.getString("status"));
        var id = item.getString("id");
        assertEquals(404, api.get(Api.BOB, "workitems/" + id).status(), "only its holder sees it");

        var picked = api.post(Api.ALICE, "workitems/" + id + "/pickup", "");
        assertEquals(200, picked.status(), picked::toString);
        assertEquals("processing", picked.json().getString("status"));
        var stale = api.post(Api.ALICE, "workitems/" + id + "/hold", "{\"version\": " + item.getInt("version") + "}");
        assertEquals(409, stale.status(), "a stale version is refused, not overwritten: " + stale);

        var missing = api.post(Api.ALICE, "workitems/" + id + "/complete",
                "{\"button\":\"Yes\",\"values\":{\"amount\": 1}}");
        assertEquals(400, missing.status(), missing::toString);
        var fields = missing.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().toList();
        assertEquals(java.util.List.of("values.amount", "values.note"), fields);
        assertEquals("processing", api.get(Api.ALICE, "workitems/" + id).json().getString("status"),
                "a refused completion changes nothing");

        // two completions at once: one wins, the other is told so (409), never both
        var racers = java.util.concurrent.Executors.newFixedThreadPool(2);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
        for (var note : java.util.List.of("fine", "also fine")) {
            answers.add(racers.submit(() -> api.post(Api.ALICE, "workitems/" + id + "/complete",
                    "{\"button\":\"Yes\",\"values\":{\"note\":\"" + note + "\"}}")));
        }
        var statuses = new java.util.ArrayList<Integer>();
        Api.Response done = null;
        for (var answer : answers) {
            var response = answer.get();
            statuses.add(response.status());
            if (response.status() == 200) {
                done = response;
            }
        }
        racers.shutdown();
        java.util.Collections.sort(statuses);
        assertEquals(java.util.List.of(200, 409), statuses);
        assertEquals("completed", done.json().getString("status"));
        var flow = api.get(Api.BOB, flowPath).json();
        assertEquals("completed", flow.getString("status"));
        assertTrue(flow.getJsonObject("variables").getString("Outcome").startsWith("yes: "), flow::toString);
        assertEquals(409, api.post(Api.ALICE, "workitems/" + id + "/complete", "{\"button\":\"No\"}").status());
    }
}
