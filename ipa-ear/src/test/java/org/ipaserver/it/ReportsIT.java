package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reports over REST, as JSON and as CSV: counts, rights, restricted values and hostile values. */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private static String process(String name) {
        return """
                { "name": "%s", "startState": "Intake",
                  "securitySpecifications": [ { "name": "Private", "users": ["admin"] } ],
                  "variables": [ { "name": "Kind", "type": "String", "report": true },
                                 { "name": "Ssn", "type": "String", "report": true, "securitySpecification": "Private" } ],
                  "forms": [ { "name": "Check", "fields": [ { "name": "kind", "variable": "Kind", "required": true } ],
                               "buttons": [ { "name": "Done" } ] } ],
                  "states": [
                    { "name": "Intake", "actions": [ { "type": "SendWorkItemToUser", "form": "Check", "user": "alice",
                        "exits": { "Done": [ { "type": "ChangeState", "state": "Closing" } ] } } ] },
                    { "name": "Closing", "actions": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Kind", "value": "${Kind}" } ] } ] } ] }
                """.formatted(name);
    }

    @Test
    void aProcessReportCountsTheDayAndDownloadsAsCsvWithoutRestrictedOrLiveFormulaValues() {
        var api = Api.at(contextRoot);
        var name = "Claims" + System.nanoTime();
        var published = api.post(Api.ADMIN, "definitions", process(name));
        assertEquals(201, published.status(), published::toString);
        var kinds = List.of("car", "=HYPERLINK(\"http://evil.example\",\"x\")", "van, used");
        for (var kind : kinds) {
            var launched = api.post(Api.BOB, "flows", "{\"definition\":\"" + name + "\",\"variables\":{\"Ssn\":\"078-05-1120\"}}");
            assertEquals(201, launched.status(), launched::toString);
            var flowId = launched.json().getString("id");
            var item = api.get(Api.ALICE, "workitems").jsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(w -> w.getString("flowId").equals(flowId)).findFirst().orElseThrow();
            assertEquals(200, api.post(Api.ALICE, "workitems/" + item.getString("id") + "/pickup", "").status());
            var done = api.post(Api.ALICE, "workitems/" + item.getString("id") + "/complete",
                    jakarta.json.Json.createObjectBuilder().add("button", "Done").add("values",
                            jakarta.json.Json.createObjectBuilder().add("kind", kind)).build().toString());
            assertEquals(200, done.status(), done::toString);
        }
        var cancelled = api.post(Api.BOB, "flows", "{\"definition\":\"" + name + "\"}").json().getString("id");
        assertEquals(200, api.post(Api.ADMIN, "flows/" + cancelled + "/cancel", "").status());

        var today = LocalDate.now(ZoneOffset.UTC);
        var report = api.get(Api.VICTOR, "reports/processes/" + name + "?from=" + today + "&to=" + today);
        assertEquals(200, report.status(), report::toString);
        var day = report.json().getJsonArray("days").getJsonObject(0);
        assertEquals(today.toString(), day.getString("day"));
        assertEquals(4, day.getInt("launched"));
        assertEquals(3, day.getInt("completed"));
        assertEquals(1, day.getInt("cancelled"));
        var states = report.json().getJsonArray("states").getValuesAs(JsonObject.class);
        assertEquals(List.of("Closing", "Intake"), states.stream().map(s -> s.getString("state")).toList());
        assertEquals(3, states.get(1).getInt("visits"));
        assertEquals(List.of("Kind"), report.json().getJsonArray("reportVariables").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        var days = api.send(Api.VICTOR, "GET", "reports/processes/" + name + "/days?from=" + today + "&to=" + today,
                null, "Accept", "text/csv");
        assertEquals(200, days.status(), days::toString);
        assertTrue(days.header("Content-Type").orElse("").startsWith("text/csv"), days::toString);
        assertTrue(days.header("Content-Disposition").orElse("").startsWith("attachment; filename="), days::toString);
        assertEquals("day,launched,completed,inError,cancelled\r\n" + today + ",4,3,0,1\r\n", days.body());

        var values = api.send(Api.VICTOR, "GET", "reports/processes/" + name + "/variables/Kind", null,
                "Accept", "text/csv");
        assertEquals(200, values.status(), values::toString);
        var lines = values.body().split("\r\n");
        assertEquals("flowId,value,recordedAt", lines[0]);
        assertEquals(4, lines.length, values.body());
        assertTrue(values.body().contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","), "a formula is "
                + "defused and quoted: " + values.body());
        assertTrue(values.body().contains(",\"van, used\","), values.body());
        assertFalse(values.body().contains("078-05-1120"));

        var restricted = api.get(Api.ADMIN, "reports/processes/" + name + "/variables/Ssn");
        assertEquals(400, restricted.status(), restricted::toString);
        assertEquals("variable", restricted.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var everyone = api.get(Api.ADMIN, "reports/processes/" + name + "/variables/Kind?size=2");
        assertEquals(200, everyone.status());
        assertEquals(2, everyone.json().getJsonArray("values").size());
        assertTrue(everyone.json().getBoolean("more"));
        assertFalse(everyone.body().contains("078-05-1120"), "not even for a user the specification lets see it");
    }

    @Test
    void reportsNeedTheirRightAndBadQueriesAreNamed() {
        var api = Api.at(contextRoot);
        var name = "Quiet" + System.nanoTime();
        var published = api.post(Api.ADMIN, "definitions", process(name));
        assertEquals(201, published.status(), published::toString);

        var bob = api.get(Api.BOB, "reports/processes/" + name);
        assertEquals(403, bob.status(), "launching is not viewing: " + bob);
        assertEquals(403, api.send(Api.BOB, "GET", "reports/processes/" + name + "/days", null, "Accept", "text/csv")
                .status());
        assertEquals(403, api.get(Api.VICTOR, "reports/workgroups").status(), "workgroups are for supervisors");
        assertEquals(401, api.get(Api.NONE, "reports/processes/" + name).status());
        assertEquals(404, api.get(Api.ADMIN, "reports/processes/NoSuch" + System.nanoTime()).status());

        var bad = api.get(Api.ADMIN, "reports/processes/" + name + "?from=yesterday&to=2026-02-30&version=0");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("from", "to", "version"), bad.json().getJsonArray("errors").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("field")).sorted().toList());
        var backwards = api.get(Api.ADMIN, "reports/processes/" + name + "?from=2026-03-01&to=2026-02-01");
        assertEquals(400, backwards.status());
        var tooLong = api.get(Api.ADMIN, "reports/processes/" + name + "?from=2020-01-01&to=2026-01-01");
        assertEquals(400, tooLong.status());
        assertEquals("to", tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        var work = api.send(Api.ADMIN, "GET", "reports/workgroups", null, "Accept", "text/csv");
        assertEquals(200, work.status(), work::toString);
        assertTrue(work.body().startsWith("workgroup,items,waitingP50Millis,waitingP90Millis,handlingP50Millis,"
                + "handlingP90Millis\r\n"), work.body());
        var empty = api.get(Api.ADMIN, "reports/processes/" + name + "?from=2026-01-01&to=2026-01-03");
        assertEquals(200, empty.status());
        assertEquals(3, empty.json().getJsonArray("days").size(), "every day of the period, even without flows");
    }
}
