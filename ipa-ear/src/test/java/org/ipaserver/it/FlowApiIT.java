package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Definitions and flows through the REST API of the deployed EAR, as a client sees them. */
@ExtendWith(ArquillianExtension.class)
class FlowApiIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private Api api() {
        return Api.at(contextRoot);
    }

    private static String unique(String prefix) {
        return prefix + System.nanoTime();
    }

    private static String timerProcess(String name, String duration) {
        return """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "Amount", "type": "Decimal" }, { "name": "Done", "type": "Boolean", "initial": false } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "Wait", "duration": "%s" },
                    { "type": "UpdateVariables", "assignments": [ { "variable": "Done", "value": "${true}" } ] } ] } ] }
                """.formatted(name, duration);
    }

    @Test
    void theCarLoanSampleRunsToItsEnd() throws Exception {
        var sample = Files.readString(Path.of("../docs/examples/car-loan.json"));
        var published = api().post(Api.ADMIN, "definitions", sample);
        assertEquals(201, published.status(), published::toString);

        var launched = api().post(Api.ALICE, "flows", """
                { "definition": "CarLoan", "version": %d,
                  "variables": { "FirstName": "Ann", "LastName": "Lee", "LoanAmount": 20000, "CreditScore": 700 } }
                """.formatted(published.json().getInt("version")));
        assertEquals(201, launched.status(), launched::toString);
        var flow = api().awaitEnd(launched.json().getString("id"));
        assertEquals("completed", flow.getString("status"), flow::toString);
        assertEquals("Approved", flow.getString("currentState"));
        assertEquals("CL-LEE-700", flow.getJsonObject("variables").getString("LoanID"));
        assertEquals(72, flow.getJsonObject("variables").getInt("RiskScore"),
                "scored by the handlers/score-applicant worker process through the connector");
        assertTrue(flow.getJsonArray("history").size() >= 8, flow::toString);
    }

    @Test
    void validationAndPublishingReportEveryProblemWithItsPath() {
        var broken = """
                { "name": "Broken", "startState": "Nowhere", "states": [ { "name": "S", "actions": [
                  { "type": "UpdateVariables", "assignments": [ { "variable": "X", "value": "${Y +}" } ] },
                  { "type": "EndTask" } ] } ] }
                """;
        var report = api().post(Api.ADMIN, "definitions/validate", broken);
        assertEquals(200, report.status(), report::toString);
        assertFalse(report.json().getBoolean("valid"));
        var paths = report.json().getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("path")).toList();
        assertTrue(paths.containsAll(java.util.List.of("$.startState", "$.states[0].actions[0].assignments[0].variable",
                "$.states[0].actions[0].assignments[0].value", "$.states[0].actions[1]")), paths::toString);

        var refused = api().post(Api.ADMIN, "definitions", broken);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals(paths.size(), refused.json().getJsonArray("problems").size());
        assertEquals(404, api().get(Api.ADMIN, "definitions/Broken").status());
        assertEquals(400, api().post(Api.ADMIN, "definitions", "{ not json").status());
    }

    @Test
    void publishingAgainMakesANewVersion() {
        var name = unique("Versions");
        var first = api().post(Api.ADMIN, "definitions", timerProcess(name, "PT1H"));
        var second = api().post(Api.ADMIN, "definitions", timerProcess(name, "PT2H"));
        assertEquals(201, first.status(), first::toString);
        assertTrue(first.header("Location").orElseThrow().endsWith("/definitions/" + name + "/versions/1"));
        assertEquals(2, second.json().getInt("version"));
        assertEquals(2, api().get(Api.BOB, "definitions/" + name).json().getJsonArray("versions").size());
        var source = api().get(Api.BOB, "definitions/" + name + "/versions/1");
        assertTrue(source.body().contains("PT1H"), source::toString);
        assertEquals(404, api().get(Api.BOB, "definitions/" + name + "/versions/3").status());
    }

    @Test
    void publishesAtTheSameTimeEachGetAVersion() throws Exception {
        var name = unique("Raced");
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var publishes = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < 8; i++) {
                publishes.add(threads.submit(() -> api().post(Api.ADMIN, "definitions", timerProcess(name, "PT1H"))));
            }
            var versions = new java.util.TreeSet<Integer>();
            for (var publish : publishes) {
                var published = publish.get();
                assertEquals(201, published.status(), published::toString);
                versions.add(published.json().getInt("version"));
            }
            assertEquals(java.util.Set.of(1, 2, 3, 4, 5, 6, 7, 8), versions);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void onlyDesignersRunTestVersions() {
        var name = unique("Tested");
        assertEquals(201, api().post(Api.ADMIN, "definitions", timerProcess(name, "P1D")).status());
        var test = api().post(Api.ADMIN, "definitions?test=true", timerProcess(name, "PT1H"));
        assertEquals(201, test.status(), test::toString);
        assertTrue(test.json().getBoolean("testVersion"));
        assertEquals(403, api().post(Api.ALICE, "definitions?test=true", timerProcess(name, "PT1H")).status());
        var launch = "{\"definition\":\"" + name + "\",\"version\":2}";
        assertEquals(403, api().post(Api.BOB, "flows", launch).status(), "a launcher who is no designer");
        assertEquals(201, api().post(Api.ADMIN, "flows", launch).status());
        assertEquals(1, api().post(Api.BOB, "flows", "{\"definition\":\"" + name + "\"}").json().getInt("version"));
        var versions = api().get(Api.BOB, "definitions/" + name).json().getJsonArray("versions");
        assertTrue(versions.getJsonObject(1).getBoolean("testVersion"));
    }

    @Test
    void aFlowWaitsOnItsTimerThenCompletesAndCanBeFound() {
        var name = unique("Timer");
        assertEquals(201, api().post(Api.ADMIN, "definitions", timerProcess(name, "PT1S")).status());
        var launched = api().post(Api.BOB, "flows", "{\"definition\":\"" + name + "\",\"variables\":{\"Amount\":12.5}}");
        assertEquals(201, launched.status(), launched::toString);
        assertEquals("waiting", launched.json().getString("status"));
        assertEquals("timer", launched.json().getString("waitingOn"));

        var flow = api().awaitEnd(launched.json().getString("id"));
        assertEquals("completed", flow.getString("status"));
        assertTrue(flow.getJsonObject("variables").getBoolean("Done"));
        assertEquals(launched.json().getString("startedAt"), flow.getString("startedAt"),
                "the launch answer shows the start time as stored, not one the database rounds");

        var search = api().get(Api.VICTOR, "flows?definition=" + name + "&status=completed");
        assertEquals(200, search.status(), search::toString);
        assertEquals(1, search.json().getInt("total"));
        var bad = api().get(Api.VICTOR, "flows?status=sleeping&size=0");
        assertEquals(400, bad.status());
        assertEquals(2, bad.json().getJsonArray("errors").size(), bad::toString);
    }

    /** A launch answers the flow's summary; its whole view (variables, history) when the client prefers it. */
    @Test
    void aLaunchAnswersTheFlowsSummaryUnlessTheWholeFlowIsPreferred() {
        var name = unique("Prefer");
        assertEquals(201, api().post(Api.ADMIN, "definitions", timerProcess(name, "PT1H")).status());
        var launch = "{\"definition\":\"" + name + "\",\"variables\":{\"Amount\":12.5}}";
        var summary = api().post(Api.BOB, "flows", launch);
        assertEquals(201, summary.status(), summary::toString);
        assertEquals(name, summary.json().getString("definition"));
        assertEquals("waiting", summary.json().getString("status"));
        assertEquals("timer", summary.json().getString("waitingOn"));
        assertFalse(summary.json().containsKey("variables"), summary::toString);
        assertTrue(summary.header("Location").orElseThrow().endsWith("/flows/" + summary.json().getString("id")));
        assertEquals(Optional.empty(), summary.header("Preference-Applied"));

        var whole = api().send(Api.BOB, "POST", "flows", launch, "Prefer", "return=representation");
        assertEquals(201, whole.status(), whole::toString);
        assertEquals(Optional.of("return=representation"), whole.header("Preference-Applied"));
        assertEquals(12.5, whole.json().getJsonObject("variables").getJsonNumber("Amount").doubleValue(), whole::toString);
        assertTrue(whole.json().containsKey("history"), whole::toString);
        assertTrue(whole.header("Location").orElseThrow().endsWith("/flows/" + whole.json().getString("id")));

        var minimal = api().send(Api.BOB, "POST", "flows", launch, "Prefer", "respond-async, return=minimal");
        assertEquals(201, minimal.status(), minimal::toString);
        assertEquals(Optional.of("return=minimal"), minimal.header("Preference-Applied"));
        assertFalse(minimal.json().containsKey("variables"), minimal::toString);
    }

    @Test
    void badLaunchVariablesGet400WithEachFieldAndNothingIsCreated() {
        var name = unique("Typed");
        api().post(Api.ADMIN, "definitions", timerProcess(name, "PT1H"));
        var refused = api().post(Api.ALICE, "flows",
                "{\"definition\":\"" + name + "\",\"variables\":{\"Amount\":\"lots\",\"Colour\":\"red\"}}");
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("application/problem+json", refused.header("Content-Type").orElseThrow().split(";")[0]);
        assertEquals("urn:ipa-server:problem:invalid-input", refused.json().getString("type"));
        assertEquals("Bad Request", refused.json().getString("title"));
        assertEquals(400, refused.json().getInt("status"));
        var fields = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().toList();
        assertEquals(java.util.List.of("variables.Amount", "variables.Colour"), fields);
        assertEquals(0, api().get(Api.ADMIN, "flows?definition=" + name).json().getInt("total"));
        var unknown = api().post(Api.ALICE, "flows", "{\"definition\":\"NoSuchProcess\"}");
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("application/problem+json", unknown.header("Content-Type").orElseThrow().split(";")[0]);
        assertEquals("urn:ipa-server:problem:not-found", unknown.json().getString("type"));
        assertTrue(unknown.json().getString("detail").contains("NoSuchProcess"), unknown::toString);
        assertEquals(400, api().post(Api.ALICE, "flows", "{\"version\":-1}").status());
        assertEquals(400, api().post(Api.ALICE, "flows", "[1, 2]").status(), "an array is no launch request");
    }

    @Test
    void rightsDecideWhoLaunchesSeesAndCancels() {
        var name = unique("Rights");
        api().post(Api.ADMIN, "definitions", timerProcess(name, "P1D"));
        var launch = "{\"definition\":\"" + name + "\"}";
        assertEquals(403, api().post(Api.VICTOR, "flows", launch).status(), "View alone does not launch");
        assertEquals(403, api().post(Api.ALICE, "definitions", timerProcess(unique("X"), "PT1S")).status());

        var bobs = api().post(Api.BOB, "flows", launch).header("Location").orElseThrow();
        var id = bobs.substring(bobs.lastIndexOf('/') + 1);
        assertEquals(200, api().get(Api.BOB, "flows/" + id).status(), "the launcher always sees his flow");
        assertEquals(200, api().get(Api.VICTOR, "flows/" + id).status(), "View sees every flow");
        assertEquals(404, api().get(Api.NOBODY, "flows/" + id).status(), "others do not even learn it exists");
        assertEquals(0, api().get(Api.NOBODY, "flows?definition=" + name).json().getInt("total"));

        assertEquals(403, api().post(Api.BOB, "flows/" + id + "/cancel", "").status(), "cancel needs Manage");
        assertEquals("waiting", api().get(Api.BOB, "flows/" + id).json().getString("status"));
        var cancelled = api().post(Api.ADMIN, "flows/" + id + "/cancel", "");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("cancelled", cancelled.json().getString("status"));
        assertEquals(409, api().post(Api.ADMIN, "flows/" + id + "/cancel", "").status());
    }

    @Test
    void relatedInteractionsAreListedWithTheFlow() {
        var name = unique("Interactions");
        api().post(Api.ADMIN, "definitions", timerProcess(name, "P1D"));
        var id = api().post(Api.BOB, "flows", "{\"definition\":\"" + name + "\"}").json().getString("id");
        var attached = api().post(Api.BOB, "flows/" + id + "/interactions", "{\"interactionId\":\"call-0042\"}");
        assertEquals(200, attached.status(), attached::toString);
        api().post(Api.BOB, "flows/" + id + "/interactions", "{\"interactionId\":\"call-0042\"}");
        api().post(Api.ADMIN, "flows/" + id + "/interactions", "{\"interactionId\":\"chat-7\"}");
        var related = api().get(Api.VICTOR, "flows/" + id).json().getJsonArray("relatedInteractions")
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("interactionId")).toList();
        assertEquals(java.util.List.of("call-0042", "chat-7"), related);
        assertEquals(400, api().post(Api.BOB, "flows/" + id + "/interactions", "{}").status());
        assertEquals(403, api().post(Api.VICTOR, "flows/" + id + "/interactions",
                "{\"interactionId\":\"x\"}").status(), "viewing is not managing");
        assertEquals(404, api().post(Api.NOBODY, "flows/" + id + "/interactions", "{\"interactionId\":\"x\"}").status());
    }

    @Test
    void aCarLoanLaunchedWithoutAFirstNameIsAFlowInErrorNotAServerError() throws Exception {
        var sample = Files.readString(Path.of("../docs/examples/car-loan.json"));
        var version = api().post(Api.ADMIN, "definitions", sample).json().getInt("version");
        var launched = api().post(Api.ALICE, "flows", """
                { "definition": "CarLoan", "version": %d, "variables": { "LastName": "Lee", "LoanAmount": 20000 } }
                """.formatted(version));
        assertEquals(201, launched.status(), launched::toString);
        assertEquals("error", launched.json().getString("status"), launched::toString);
        assertTrue(launched.json().getString("error").startsWith("$.states[0].actions[0]: UpdateVariables "
                + "'Complete request': an operand has no value"), launched::toString);
    }

    @Test
    void jsonIsStrictInBodiesDefinitionsAndValues() throws Exception {
        var sample = Files.readString(Path.of("../docs/examples/car-loan.json"));
        var trailing = api().post(Api.ADMIN, "definitions/validate", sample + " {}");
        assertEquals(200, trailing.status(), trailing::toString);
        assertFalse(trailing.json().getBoolean("valid"));
        assertEquals("$", trailing.json().getJsonArray("problems").getJsonObject(0).getString("path"));
        assertEquals(400, api().post(Api.ADMIN, "definitions", sample + " x").status());
        var name = unique("Strict");
        api().post(Api.ADMIN, "definitions", timerProcess(name, "PT1H"));
        var twoBodies = api().post(Api.ALICE, "flows", "{\"definition\":\"" + name + "\"} {\"definition\":\"x\"}");
        assertEquals(400, twoBodies.status(), twoBodies::toString);
        assertEquals("urn:ipa-server:problem:malformed-request", twoBodies.json().getString("type"));
        var textAsBoolean = api().post(Api.ALICE, "flows",
                "{\"definition\":\"" + name + "\",\"variables\":{\"Done\":\"false\",\"Amount\":\"12.5\"}}");
        assertEquals(400, textAsBoolean.status(), textAsBoolean::toString);
        assertEquals(2, textAsBoolean.json().getJsonArray("errors").size(), textAsBoolean::toString);
        assertEquals(0, api().get(Api.ADMIN, "flows?definition=" + name).json().getInt("total"));
    }

    @Test
    void definitionsMissingMembersOrRecursingForeverGetAReportNot500() {
        var nameless = """
                { "name": "%s", "startState": "S",
                  "variables": [ { "type": "String" } ],
                  "states": [ { "name": "S", "actions": [ { "type": "RunTask", "task": "T", "outputs": { "o": "X" } } ] } ],
                  "tasks": [ { "name": "T", "outputs": [ { "type": "String" } ],
                               "actions": [ { "type": "RunTask", "task": "T" } ] } ] }
                """.formatted(unique("Nameless"));
        var report = api().post(Api.ADMIN, "definitions/validate", nameless);
        assertEquals(200, report.status(), report::toString);
        var paths = report.json().getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("path")).toList();
        assertTrue(paths.containsAll(java.util.List.of("$.variables[0].name", "$.tasks[0].outputs[0].name",
                "$.tasks[0].actions[0]")), paths::toString);
        assertEquals(400, api().post(Api.ADMIN, "definitions", nameless).status());
    }
}
