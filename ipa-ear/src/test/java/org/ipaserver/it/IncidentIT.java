package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A timer job that always fails (its flow's stored state broken, as a fault would break it)
 * becomes an incident after its attempts, while a thousand other timers of the deployed server
 * fire on time; a manager's retry brings the flow back once the cause is gone.
 */
@ExtendWith(ArquillianExtension.class)
class IncidentIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    @Test
    void oneFailingTimerBecomesAnIncidentWhileAThousandOthersFireOnTime() throws Exception {
        var api = Api.at(contextRoot);
        var name = "Incident" + System.nanoTime();
        assertEquals(201, api.post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "Woke", "type": "Boolean", "initial": false } ],
                  "states": [ { "name": "S", "actions": [ { "type": "Wait", "duration": "PT8S" },
                    { "type": "UpdateVariables", "assignments": [ { "variable": "Woke", "value": "${true}" } ] } ] } ] }
                """.formatted(name)).status());
        var broken = api.post(Api.ALICE, "flows", "{\"definition\":\"" + name + "\"}").json().getString("id");
        String healthyDocument;
        try (var db = TestDatabase.connect()) {
            try (var read = db.prepareStatement("SELECT state_document FROM flowexec_Storage WHERE flow_id = ?")) {
                read.setString(1, broken);
                var rows = read.executeQuery();
                assertTrue(rows.next());
                healthyDocument = rows.getString(1);
            }
            try (var breakIt = db.prepareStatement("UPDATE flowexec_Storage SET state_document = '{\"v\": 2' "
                    + "WHERE flow_id = ?")) {
                breakIt.setString(1, broken);
                assertEquals(1, breakIt.executeUpdate());
            }
        }
        var launchedAt = System.currentTimeMillis();
        var others = new ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            var launched = api.post(Api.ALICE, "flows", "{\"definition\":\"" + name + "\"}");
            assertEquals(201, launched.status(), launched::toString);
            others.add(launched.json().getString("id"));
        }
        var launchSeconds = (System.currentTimeMillis() - launchedAt) / 1000;

        // every other timer was due 8 s after its launch: each fired soon after its time
        var deadline = System.currentTimeMillis() + 8_000 + 30_000;
        long completed = 0;
        while (System.currentTimeMillis() < deadline) {
            completed = api.get(Api.ADMIN, "flows?definition=" + name + "&status=completed&size=1").json()
                    .getJsonNumber("total").longValue();
            if (completed == 1000) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(1000, completed, "every other timer fired (launching took " + launchSeconds + " s)");
        try (var db = TestDatabase.connect();
             var times = db.prepareStatement("SELECT started_at, ended_at FROM flowexec_Flows "
                     + "WHERE definition_name = ? AND status = 'completed'")) {
            times.setString(1, name);
            var rows = times.executeQuery();
            long latest = Long.MIN_VALUE;
            int flows = 0;
            while (rows.next()) {
                latest = Math.max(latest, rows.getTimestamp(2).getTime() - rows.getTimestamp(1).getTime() - 8_000);
                flows++;
            }
            assertEquals(1000, flows);
            assertTrue(latest < 5_000, "the latest timer fired " + latest + " ms after its time: "
                    + "one failing job delays none");
        }

        // attempts back off 1, 2, 4, 8 s: the fifth failure is the incident
        var incident = api.awaitFlow(broken, Duration.ofSeconds(60), f -> f.getString("status").equals("error"));
        assertEquals("error", incident.getString("status"), incident::toString);
        assertTrue(incident.getString("error").startsWith("incident: the timer job failed 5 times"),
                incident::toString);
        assertEquals("S", incident.getString("errorStep"));
        var search = api.get(Api.ADMIN, "flows?definition=" + name + "&status=error").json().getJsonArray("items");
        assertEquals(1, search.size());
        assertEquals("S", search.getJsonObject(0).getString("errorStep"), "searches show the incident's step");

        try (var db = TestDatabase.connect();
             var repair = db.prepareStatement("UPDATE flowexec_Storage SET state_document = ? WHERE flow_id = ?")) {
            repair.setString(1, healthyDocument);
            repair.setString(2, broken);
            assertEquals(1, repair.executeUpdate());
        }
        assertEquals(403, api.post(Api.ALICE, "flows/" + broken + "/retry", null).status(), "retry needs Manage");
        assertEquals(200, api.post(Api.ADMIN, "flows/" + broken + "/retry", null).status());
        var retried = api.awaitFlow(broken, Duration.ofSeconds(10), f -> f.getString("status").equals("completed"));
        assertEquals("completed", retried.getString("status"), retried::toString);
        assertTrue(retried.getJsonObject("variables").getBoolean("Woke"));
    }
}
