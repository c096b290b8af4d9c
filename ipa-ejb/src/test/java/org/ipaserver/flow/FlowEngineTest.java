package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ipaserver.action.CallResult;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.catalog.InvalidDefinitionException;
import org.ipaserver.expression.Expressions;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on a real database (H2 here, PostgreSQL in a subclass), with the clock in the test's hand. */
class FlowEngineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final List<CallRequest> calls = new java.util.ArrayList<>();
    private final FlowEngine engine = new FlowEngine(catalog, clock, new FlowOwner("storage-a", 0), 3,
            new org.ipaserver.workitem.WorkItemRouter(clock), calls::add);
    private LocalStore store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    LocalStore newStore() {
        return LocalStore.h2InMemory();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void carLoanWaitsOnItsTimerThenCompletesExactlyOnce() throws Exception {
        publish(Files.readString(Path.of("../docs/examples/car-loan.json")));
        var id = launch("CarLoan", Map.of("FirstName", Json.createValue("Ann"), "LastName", Json.createValue("Lee"),
                "LoanAmount", Json.createValue(20000), "CreditScore", Json.createValue(700)));

        var calling = view(id);
        assertEquals("calling RunHandler 'Score applicant' (call 1, attempt 1)", calling.waitingOn());
        assertEquals("score-applicant", ((org.ipaserver.definition.ActionDef.RunHandler) calls.get(0).action()).handler());
        assertEquals(Boolean.TRUE, store.inTransaction(em -> engine.callEnded(em, id, 1,
                new CallResult("success", Map.of("Score", "72"), null))));

        var waiting = view(id);
        assertEquals("waiting", waiting.status());
        assertEquals("AutomaticCheck", waiting.currentState());
        assertEquals("timer", waiting.waitingOn());
        assertEquals(72L, waiting.variables().get("RiskScore"));
        assertEquals(List.of(), store.inTransaction(em -> engine.dueTimers(em, 10)));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(id), store.inTransaction(em -> engine.dueTimers(em, 10)));
        assertEquals(true, store.inTransaction(em -> engine.resumeTimer(em, id)));
        assertEquals(false, store.inTransaction(em -> engine.resumeTimer(em, id)), "a timer fires once");

        var done = view(id);
        assertEquals("completed", done.status());
        assertEquals("Approved", done.currentState());
        assertEquals(Boolean.TRUE, done.variables().get("LoanApproved"));
        assertEquals("CL-LEE-700", done.variables().get("LoanID"));
        assertEquals("Ann Lee", done.variables().get("FullName"));
        assertEquals(1, store.count("flowexec_Flows"));
        assertEquals(0, store.count("flowexec_Storage"), "an ended flow is its row alone");
        assertEquals(1, store.count("flowexec_Completion"), "and the completion view shows it");

        var statusReports = store.inTransaction(em -> em.createQuery("SELECT r FROM VariableReport r WHERE "
                + "r.variableName = 'Status' ORDER BY r.recordedAt", VariableReport.class).getResultList());
        assertEquals(List.of("Submitted", "Approved"), statusReports.stream().map(VariableReport::value).toList(),
                "one row per committed change of a reported variable");
        assertEquals(Long.valueOf(0), store.inTransaction(em -> em.createQuery("SELECT COUNT(r) FROM VariableReport r WHERE "
                + "r.variableName IN ('SSN', 'FullName')", Long.class).getSingleResult()), "unflagged: never reported");
    }

    @Test
    void badLaunchVariablesAreAllReportedAndNothingIsStored() {
        publish(STRAIGHT);
        var error = assertThrows(InvalidInput.class, () -> launch("Straight",
                Map.of("Count", Json.createValue("many"), "Nope", Json.createValue(1))));
        assertEquals(2, error.errors().size());
        assertTrue(error.errors().stream().anyMatch(e -> e.field().equals("variables.Count")));
        assertTrue(error.errors().stream().anyMatch(e -> e.field().equals("variables.Nope")));
        assertEquals(0, store.count("flowexec_Flows"));
        assertThrows(FlowExceptions.UnknownDefinition.class, () -> launch("Missing", Map.of()));
    }

    @Test
    void aFlowThatRunsStraightThroughIsOneRowStillShownAndFoundInFull() {
        publish(STRAIGHT);
        var id = launch("Straight", Map.of());

        assertEquals(1, store.count("flowexec_Flows"));
        assertEquals(0, store.count("flowexec_Storage"), "no separate state document for a flow that never waited");
        assertEquals(1, store.count("flowexec_Completion"));
        var flow = view(id);
        assertEquals("completed", flow.status());
        assertEquals("S", flow.currentState());
        assertEquals(10L, flow.variables().get("Count"));
        assertEquals(21, flow.history().size(), "eleven tests of the loop, ten updates");
        var found = store.inTransaction(em -> FlowSearch.run(em, new FlowSearch.Query("Straight", "completed", "S",
                "alice", null, null, 0, 10)));
        assertEquals(1, found.total());
        assertEquals(id, found.items().get(0).id());
        assertEquals("completed", found.items().get(0).status());
        assertEquals(flow.endedAt(), found.items().get(0).endedAt());
    }

    @Test
    void theAnswerToALaunchIsTheViewAReadGives() throws Exception {
        publish(STRAIGHT);
        publish(Files.readString(Path.of("../docs/examples/car-loan.json")));
        var straight = store.inTransaction(em -> engine.launchAndView(em, FlowIds.next(), "Straight", null, Map.of(), "alice"));
        var calling = store.inTransaction(em -> engine.launchAndView(em, FlowIds.next(), "CarLoan", null, Map.of("FirstName",
                Json.createValue("Ann"), "LastName", Json.createValue("Lee"), "LoanAmount", Json.createValue(20000)),
                "alice"));
        assertEquals(view(straight.id()), straight);
        assertEquals(view(calling.id()), calling);
        assertEquals("waiting", calling.status());
    }

    @Test
    void publishingAgainMakesANewVersionAndRunningFlowsKeepTheirs() {
        assertEquals(1, publish(STRAIGHT.replace("\"initial\": 0", "\"initial\": 5")).version());
        var first = launch("Straight", Map.of());
        assertEquals(2, publish(STRAIGHT).version());
        var second = launch("Straight", Map.of());
        assertEquals(1, view(first).version());
        assertEquals(2, view(second).version());
        assertEquals(15L, view(first).variables().get("Count"));
        assertEquals(10L, view(second).variables().get("Count"));
        assertThrows(InvalidDefinitionException.class, () -> publish("{\"name\": \"Straight\"}"));
        assertEquals(2, store.inTransaction(em -> catalog.versions(em, "Straight")).size());
    }

    @Test
    void aTestVersionIsNeverTheLatestButRunsWhenNamed() {
        publish(STRAIGHT);
        var test = store.inTransaction(em -> catalog.publish(em, STRAIGHT.replace("\"initial\": 0", "\"initial\": 100"),
                "designer", clock.instant(), true));
        assertEquals(2, test.version());
        assertEquals(1, view(launch("Straight", Map.of())).version(), "without a version: the latest published");
        var named = store.inTransaction(em -> engine.launch(em, "Straight", 2, Map.of(), "designer"));
        assertEquals(110L, view(named).variables().get("Count"));
        assertEquals(1, store.inTransaction(em -> catalog.list(em)).get(0).latestVersion());
        assertEquals(3, publish(STRAIGHT).version(), "numbers keep counting past test versions");
    }

    @Test
    void aChildFlowRunsWhileItsParentWaitsAndHandsItsOutputsBack() {
        publish("""
                { "name": "Child", "startState": "S",
                  "variables": [ { "name": "In", "type": "Integer" }, { "name": "Out", "type": "Integer" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "Wait", "duration": "PT5S" },
                    { "type": "UpdateVariables", "assignments": [ { "variable": "Out", "value": "${In * 10}" } ] } ] } ] }
                """);
        publish("""
                { "name": "Parent", "startState": "S",
                  "variables": [ { "name": "Result", "type": "Integer" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "RunProcess", "process": "Child", "inputs": { "In": "${4}" }, "outputs": { "Out": "Result" } } ] } ] }
                """);
        var parent = launch("Parent", Map.of());
        assertEquals("waiting", view(parent).status());
        assertEquals("flow of Child", view(parent).waitingOn());

        clock.advance(Duration.ofSeconds(5));
        var due = store.inTransaction(em -> engine.dueTimers(em, 10));
        assertEquals(1, due.size());
        store.run(em -> engine.resumeTimer(em, due.get(0)));

        assertEquals("completed", view(due.get(0)).status());
        assertEquals(parent, view(due.get(0)).parentFlowId());
        assertEquals("completed", view(parent).status());
        assertEquals(40L, view(parent).variables().get("Result"));
    }

    @Test
    void recursionDeeperThanTheDepthThresholdIsAFlowErrorNotACrash() {
        publish("""
                { "name": "Recursive", "startState": "S",
                  "states": [ { "name": "S", "actions": [ { "type": "RunProcess", "process": "Recursive" } ] } ] }
                """);
        var id = launch("Recursive", Map.of());
        var top = view(id);
        assertEquals("error", top.status());
        assertTrue(top.error().contains("child flow"), top.error());
        var deepest = store.inTransaction(em -> em.createQuery("SELECT f FROM FlowRecord f WHERE f.depth = 3",
                FlowRecord.class).getSingleResult());
        assertTrue(deepest.errorMessage().contains("over PAS_DepthThreshold (3)"), deepest.errorMessage());
        assertEquals(4, store.count("flowexec_Flows"));
    }

    @Test
    void cancelEndsAWaitingFlowOnceAndThenConflicts() {
        publish("""
                { "name": "Sleeper", "startState": "S",
                  "states": [ { "name": "S", "actions": [ { "type": "Wait", "duration": "P1D" } ] } ] }
                """);
        var id = launch("Sleeper", Map.of());
        store.run(em -> engine.cancel(em, id));
        assertEquals("cancelled", view(id).status());
        assertEquals(0, store.count("flowexec_Storage"), "the final document went to the flow's row");
        assertEquals(List.of("cancelled"), store.inTransaction(em -> em.createNativeQuery(
                "SELECT final_status FROM flowexec_Completion").getResultList()));
        assertThrows(FlowExceptions.FlowEnded.class, () -> store.run(em -> engine.cancel(em, id)));
        assertThrows(FlowExceptions.UnknownFlow.class, () -> store.run(em -> engine.cancel(em, "nope")));
        clock.advance(Duration.ofDays(2));
        assertEquals(List.of(), store.inTransaction(em -> engine.dueTimers(em, 10)));
    }

    @Test
    void aRuntimeErrorPutsTheFlowInErrorWithThePathOfTheAction() {
        publish("""
                { "name": "Broken", "startState": "S",
                  "variables": [ { "name": "A", "type": "Decimal" }, { "name": "B", "type": "Decimal" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "UpdateVariables", "name": "add", "assignments": [ { "variable": "B", "value": "${A + 1}" } ] } ] } ] }
                """);
        var id = launch("Broken", Map.of());
        var flow = view(id);
        assertEquals("error", flow.status());
        assertTrue(flow.error().startsWith("$.states[0].actions[0]: UpdateVariables 'add': variable 'A' has no value"),
                flow.error());
    }

    @Test
    void launchingCarLoanWithoutAFirstNameGivesAFlowInErrorNotAnException() throws Exception {
        publish(Files.readString(Path.of("../docs/examples/car-loan.json")));
        var flow = view(launch("CarLoan", Map.of("LastName", Json.createValue("Lee"),
                "LoanAmount", Json.createValue(20000))));
        assertEquals("error", flow.status());
        assertTrue(flow.error().startsWith("$.states[0].actions[0]: UpdateVariables 'Complete request': an operand "
                + "has no value"), flow.error());
    }

    private static final String STRAIGHT = """
            { "name": "Straight", "startState": "S",
              "variables": [ { "name": "Count", "type": "Integer", "initial": 0 } ],
              "states": [ { "name": "S", "actions": [
                { "type": "Loop", "while": "${i < 10}", "counter": "i", "actions": [
                  { "type": "UpdateVariables", "assignments": [ { "variable": "Count", "value": "${Count + 1}" } ] } ] } ],
                "variables": [ { "name": "i", "type": "Integer" } ] } ] }
            """;

    private DefinitionCatalog.Published publish(String json) {
        return store.inTransaction(em -> catalog.publish(em, json, "designer", clock.instant()));
    }

    private String launch(String definition, Map<String, JsonValue> variables) {
        return store.inTransaction(em -> engine.launch(em, definition, null, variables, "alice"));
    }

    private FlowView view(String id) {
        return store.inTransaction(em -> engine.view(em, id));
    }
}
