package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A supervisor watches a workgroup's queue through the API: items pile up while nobody is
 * available, and go to the member who becomes available, each change seen at the next look.
 */
@ExtendWith(ArquillianExtension.class)
class SupervisionIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private static String toWorkgroup(String name, String workgroup) {
        return """
                { "name": "%s", "startState": "S", "variables": [ { "name": "Note", "type": "String" } ],
                  "forms": [ { "name": "Review", "description": "Review",
                    "fields": [ { "name": "note", "variable": "Note" } ], "buttons": [ { "name": "Done" } ] } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "SendWorkItemToWorkgroup", "form": "Review", "workgroup": "%s" } ] } ] }
                """.formatted(name, workgroup);
    }

    private JsonObject watch(Api api, String workgroup) {
        var answer = api.get(Api.ADMIN, "supervision/workgroups/" + workgroup);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json();
    }

    private static JsonObject member(JsonObject view, String user) {
        return view.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("user").equals(user)).findFirst().orElseThrow();
    }

    private static void ok(Api.Response answer) {
        assertTrue(answer.status() == 200 || answer.status() == 201, answer::toString);
    }

    @Test
    void theQueueFillsWhileNobodyIsAvailableAndEmptiesToWhoeverBecomesAvailable() {
        var api = Api.at(contextRoot);
        var tag = System.nanoTime();
        String group = "Watched" + tag, ann = "ann" + tag, ben = "ben" + tag, process = "Watch" + tag;
        for (var user : List.of(ann, ben)) {
            ok(api.put(Api.ADMIN, "users/" + user + "/licence", "{\"licence\":\"GROUP_ROUTED\"}"));
            ok(api.put(Api.ADMIN, "users/" + user + "/presence", "{\"presence\":\"away\"}"));
        }
        ok(api.put(Api.ADMIN, "workgroups/" + group, "{\"members\":[\"" + ann + "\",\"" + ben + "\"]}"));
        ok(api.post(Api.ADMIN, "definitions", toWorkgroup(process, group)));

        var empty = watch(api, group);
        assertEquals(0, empty.getInt("waiting"));
        assertFalse(empty.containsKey("oldestWaitingSince"), empty::toString);
        assertFalse(empty.containsKey("nextPick"), "nobody is available: " + empty);
        assertEquals(List.of("presence is away"), member(empty, ann).getJsonArray("notRoutableBecause")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        var before = Instant.now().minusSeconds(5);
        for (int i = 0; i < 3; i++) {
            ok(api.post(Api.BOB, "flows", "{\"definition\":\"" + process + "\"}"));
        }
        var queued = watch(api, group);
        assertEquals(3, queued.getInt("waiting"), queued::toString);
        assertEquals(0, queued.getInt("waitingHeld"));
        assertEquals(0, queued.getInt("inHand"));
        var oldest = Instant.parse(queued.getString("oldestWaitingSince"));
        assertTrue(oldest.isAfter(before) && !oldest.isAfter(Instant.now().plusSeconds(5)), queued::toString);
        assertTrue(queued.getJsonNumber("oldestWaitingSeconds").longValue() >= 0);
        assertTrue(api.get(Api.ADMIN, "supervision/workgroups").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(w -> w.getString("workgroup").equals(group) && w.getInt("waiting") == 3),
                "the list holds the workgroup too");

        ok(api.put(Api.ADMIN, "users/" + ann + "/presence", "{\"presence\":\"available\"}"));
        var served = watch(api, group);
        assertEquals(0, served.getInt("waiting"), "the queue is offered to ann as she becomes available: " + served);
        assertEquals(3, member(served, ann).getInt("itemsInHand"));
        assertEquals(0, member(served, ben).getInt("itemsInHand"));
        assertEquals(3, served.getInt("inHand"));
        assertEquals(ann, served.getString("nextPick"));
        assertEquals("available", member(served, ann).getString("presence"));
        assertEquals("GROUP_ROUTED", member(served, ben).getString("licence"));
    }

    @Test
    void onlyAdministratorsAndProcessMonitorsWatch() {
        var api = Api.at(contextRoot);
        var group = "Private" + System.nanoTime();
        ok(api.put(Api.ADMIN, "workgroups/" + group, "{\"members\":[\"alice\"]}"));
        var refused = api.get(Api.ALICE, "supervision/workgroups/" + group);
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.body().contains("Process Monitor licence"), refused::toString);
        assertEquals(403, api.get(Api.ALICE, "supervision/workgroups").status());
        assertEquals(401, api.get(Api.NONE, "supervision/workgroups").status());
        assertEquals(404, api.get(Api.ADMIN, "supervision/workgroups/" + group + "-missing").status());
    }
}
