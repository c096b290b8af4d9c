package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipaserver.action.CallResult;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * External calls between two commits: the flow commits "calling", the call is made after the
 * commit, and only the answer to the call the flow waits on resumes it. On H2, clock in hand.
 */
class ExternalCallTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final List<CallRequest> started = new ArrayList<>();
    private final FlowEngine engine = new FlowEngine(catalog, clock, new FlowOwner("storage-a", 0), 5,
            new WorkItemRouter(clock), started::add);
    private LocalStore store;

    private static final String SCORING = """
            {"name": "Scoring", "startState": "Score",
             "variables": [{"name": "Credit", "type": "Integer", "initial": 700},
                           {"name": "Score", "type": "Integer"},
                           {"name": "Outcome", "type": "String"}],
             "states": [{"name": "Score", "actions": [
               {"type": "RunHandler", "name": "Score applicant", "handler": "score-applicant",
                "inputs": {"CreditScore": "${Credit}"}, "outputs": {"Score": "Score"}, "timeout": "PT5S",
                "exits": {"failure": [{"type": "UpdateVariables",
                                       "assignments": [{"variable": "Outcome", "value": "manual"}]}],
                          "timeout": [{"type": "UpdateVariables",
                                       "assignments": [{"variable": "Outcome", "value": "late"}]}]}},
               {"type": "UpdateVariables", "assignments": [{"variable": "Outcome",
                                                           "value": "${empty Outcome ? 'scored' : Outcome}"}]}]}]}
            """;

    @BeforeEach
    void open() {
        store = LocalStore.h2InMemory();
        store.run(em -> catalog.publish(em, SCORING, "designer", clock.instant()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFlowCommitsCallingThenTheAnswerResumesItExactlyOnce() {
        var id = launch();

        var waiting = view(id);
        assertEquals("waiting", waiting.status());
        assertEquals("calling RunHandler 'Score applicant' (call 1, attempt 1)", waiting.waitingOn());
        assertEquals(1, started.size(), "the call starts once the launch has committed");
        var request = started.get(0);
        assertEquals(700L, request.inputs().get("CreditScore"));
        assertEquals(Duration.ofSeconds(5), request.timeout());
        assertNotNull(request.idempotencyKey());

        assertTrue(answer(request, new CallResult("success", Map.of("Score", "42"), null)));
        assertFalse(answer(request, new CallResult("success", Map.of("Score", "99"), null)),
                "a duplicate answer changes nothing");

        var done = view(id);
        assertEquals("completed", done.status());
        assertEquals(42L, done.variables().get("Score"));
        assertEquals("scored", done.variables().get("Outcome"));
    }

    @Test
    void theAnswerPicksTheExitPath() {
        var id = launch();
        answer(started.get(0), CallResult.failure("the handler could not score"));
        assertEquals("manual", view(id).variables().get("Outcome"));

        var late = launch();
        answer(started.get(1), CallResult.timeout("no answer within PT5S"));
        assertEquals("late", view(late).variables().get("Outcome"));
    }

    @Test
    void anExitTheActionDoesNotHandleIsAnErrorAtThatStep() {
        var id = launch();
        answer(started.get(0), new CallResult("refer", Map.of(), "needs a human"));

        var failed = view(id);
        assertEquals("error", failed.status());
        assertEquals("$.states[0].actions[0]", failed.errorStep());
        assertTrue(failed.error().contains("exit 'refer'"), failed.error());
    }

    @Test
    void aLateAnswerToACancelledFlowChangesNothing() {
        var id = launch();
        store.run(em -> engine.cancel(em, id));

        assertFalse(answer(started.get(0), new CallResult("success", Map.of("Score", "1"), null)));
        assertEquals("cancelled", view(id).status());
    }

    @Test
    void aCallInFlightAtACrashIsRestoredInErrorAndARetryIsANewAttemptOfTheSameStep() {
        var id = launch();
        var first = started.get(0);
        clock.advance(Duration.ofSeconds(1));

        assertEquals(Integer.valueOf(1), store.inTransaction(em -> engine.restoreCalls(em, clock.instant())));
        var restored = view(id);
        assertEquals("restored-in-error", restored.status());
        assertTrue(restored.error().contains("call 1, attempt 1"), restored.error());
        assertFalse(answer(first, new CallResult("success", Map.of("Score", "5"), null)),
                "the answer of the lost attempt is not taken");
        assertEquals(List.of(), store.inTransaction(em -> engine.claimDueJobs(em, 10, Duration.ofMinutes(1))),
                "never made again blindly");

        store.run(em -> engine.retry(em, id));
        assertEquals("waiting", view(id).status());
        var jobs = store.inTransaction(em -> engine.claimDueJobs(em, 10, Duration.ofMinutes(1)));
        assertEquals(List.of(new FlowEngine.Job(id, "call")), jobs);
        var again = store.inTransaction(em -> engine.prepareCall(em, id));
        assertEquals(2, again.attempt());
        assertEquals(first.number(), again.number());
        assertEquals(first.idempotencyKey(), again.idempotencyKey(), "the same step keeps its idempotency key");
        assertEquals("calling RunHandler 'Score applicant' (call 1, attempt 2)", view(id).waitingOn());

        assertTrue(answer(again, new CallResult("success", Map.of("Score", "77"), null)));
        assertEquals("completed", view(id).status());
        assertEquals(77L, view(id).variables().get("Score"));
    }

    @Test
    void aManagerSkipsTheCallAlongAChosenExit() {
        var id = launch();
        clock.advance(Duration.ofSeconds(1));
        store.run(em -> engine.restoreCalls(em, clock.instant()));

        var bad = assertThrows(InvalidInput.class, () -> store.run(em -> engine.skip(em, id, "maybe")));
        assertTrue(bad.errors().get(0).reason().contains("failure, success, timeout"), bad.errors().toString());
        store.run(em -> engine.skip(em, id, "failure"));

        var done = view(id);
        assertEquals("completed", done.status());
        assertEquals("manual", done.variables().get("Outcome"));
        assertNull(done.variables().get("Score"));
    }

    @Test
    void onlyAFlowInErrorCanBeRetried() {
        var id = launch();
        assertThrows(FlowExceptions.NotInThatState.class, () -> store.run(em -> engine.retry(em, id)));
        assertThrows(FlowExceptions.UnknownFlow.class, () -> store.run(em -> engine.retry(em, "nope")));
    }

    @Test
    void aCallWhoseLeaseRanOutIsRestoredInErrorNotMadeAgain() {
        var id = launch();
        clock.advance(Duration.ofMinutes(2)); // the 5 s timeout plus the margin have passed without an answer

        assertEquals(List.of(), store.inTransaction(em -> engine.claimDueJobs(em, 10, Duration.ofMinutes(1))));
        assertEquals("restored-in-error", view(id).status());
    }

    @Test
    void aFarSideDownIsTriedAgainAfterABackOffThenTakesTheFailureExit() {
        var id = launch();
        var request = started.get(0);
        store.run(em -> engine.callFailed(em, id, request.number(), "SMTP server not reachable", 3));
        assertEquals("waiting", view(id).status());
        assertEquals(List.of(), store.inTransaction(em -> engine.claimDueJobs(em, 10, Duration.ofMinutes(1))),
                "not before its back-off");

        for (int attempt = 2; attempt <= 3; attempt++) {
            clock.advance(Duration.ofMinutes(5));
            assertEquals(1, store.inTransaction(em -> engine.claimDueJobs(em, 10, Duration.ofMinutes(1))).size());
            var again = store.inTransaction(em -> engine.prepareCall(em, id));
            assertEquals(attempt, again.attempt());
            store.run(em -> engine.callFailed(em, id, again.number(), "SMTP server not reachable", 3));
        }

        var done = view(id);
        assertEquals("completed", done.status());
        assertEquals("manual", done.variables().get("Outcome"), "after the attempts: the failure exit");
    }

    @Test
    void anotherOwnersFlowIsNeitherResumedNorRetried() {
        var id = launch();
        var other = new FlowEngine(catalog, clock, new FlowOwner("storage-b", 0), 5, new WorkItemRouter(clock),
                started::add);

        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> other.callEnded(em, id, 1,
                new CallResult("success", Map.of(), null))));
        store.run(em -> em.createNativeQuery("UPDATE flowexec_Flows SET status = 'error'").executeUpdate());
        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> other.retry(em, id)));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), store.inTransaction(em -> other.claimDueJobs(em, 10, Duration.ofMinutes(1))));
    }

    private String launch() {
        return store.inTransaction(em -> engine.launch(em, "Scoring", null, Map.<String, JsonValue>of(
                "Credit", Json.createValue(700)), "alice"));
    }

    private boolean answer(CallRequest request, CallResult result) {
        return store.inTransaction(em -> engine.callEnded(em, request.flowId(), request.number(), result));
    }

    private FlowView view(String id) {
        return store.inTransaction(em -> engine.view(em, id));
    }
}
