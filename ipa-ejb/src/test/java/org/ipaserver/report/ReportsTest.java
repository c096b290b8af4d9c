package org.ipaserver.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.security.Caller;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemDesk;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reports read from the rollups and from what the passes have not reached yet, on H2 with the clock in hand. */
class ReportsTest {

    static final String CLAIM = """
            { "name": "Claim", "startState": "Intake",
              "securitySpecifications": [ { "name": "Private", "users": ["alice"] } ],
              "variables": [ { "name": "Kind", "type": "String", "report": true, "initial": "car" },
                             { "name": "Ssn", "type": "String", "report": true, "securitySpecification": "Private",
                               "initial": "078-05-1120" },
                             { "name": "A", "type": "Decimal" }, { "name": "B", "type": "Decimal" } ],
              "forms": [ { "name": "Check", "fields": [], "buttons": [ { "name": "Done" }, { "name": "Fail" } ] } ],
              "states": [
                { "name": "Intake", "actions": [ { "type": "SendWorkItemToUser", "form": "Check", "user": "alice",
                    "exits": { "Done": [ { "type": "ChangeState", "state": "Review" } ] } } ] },
                { "name": "Review", "actions": [ { "type": "SendWorkItemToUser", "form": "Check", "user": "alice",
                    "exits": { "Done": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Kind", "value": "van" } ] } ],
                               "Fail": [ { "type": "UpdateVariables", "assignments": [ { "variable": "B", "value": "${A + 1}" } ] } ] } } ] } ] }
            """;
    static final LocalDate DAY = LocalDate.parse("2026-06-01");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final FlowEngine engine = new FlowEngine(catalog, clock, "storage-a", 5, new WorkItemRouter(clock));
    private final WorkItemDesk desk = new WorkItemDesk(engine, catalog, clock, new WorkItemRouter(clock));
    private final Reports reports = new Reports(catalog, clock, Duration.ofSeconds(30));
    private LocalStore store;

    @BeforeEach
    void open() {
        store = newStore();
        store.run(em -> catalog.publish(em, CLAIM, "designer", clock.instant()));
    }

    LocalStore newStore() {
        return LocalStore.h2InMemory();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String launch() {
        return store.inTransaction(em -> engine.launch(em, "Claim", null, Map.of(), "bob"));
    }

    /** alice's open item of that flow: picked up after {@code waiting}, completed with a button after {@code handling}. */
    private void answer(String flowId, Duration waiting, Duration handling, String button) {
        var alice = Caller.named("alice");
        var item = store.inTransaction(em -> desk.mine(em, alice)).stream()
                .filter(w -> w.flowId().equals(flowId)).findFirst().orElseThrow();
        clock.advance(waiting);
        store.run(em -> desk.pickUp(em, item.id(), alice, null));
        clock.advance(handling);
        store.run(em -> desk.complete(em, item.id(), alice, button, Map.of(), null));
    }

    private ProcessReport report(LocalDate from, LocalDate to) {
        return store.inTransaction(em -> reports.process(em, "Claim", null, from, to));
    }

    private void assertAbout(long expectedMillis, long actualMillis, String what) {
        assertTrue(Math.abs(actualMillis - expectedMillis) <= expectedMillis / 10, what + ": " + actualMillis
                + " ms, expected about " + expectedMillis);
    }

    @Test
    void flowsPerDayTimeInStatesAndWorkItemTimesAreReportedBeforeAndAfterThePassesWithoutCountingTwice() {
        var completed = launch();
        var cancelled = launch();
        var failed = launch();
        launch(); // still waiting at Intake
        answer(completed, Duration.ofMinutes(10), Duration.ofMinutes(5), "Done"); // Intake: 15 min
        answer(completed, Duration.ofMinutes(40), Duration.ofMinutes(20), "Done"); // Review: 60 min
        store.run(em -> engine.cancel(em, cancelled));
        answer(failed, Duration.ofMinutes(1), Duration.ofMinutes(1), "Done");
        answer(failed, Duration.ofMinutes(1), Duration.ofMinutes(1), "Fail"); // A has no value: the flow is in error
        assertEquals("error", store.inTransaction(em -> engine.view(em, failed)).status());

        for (int pass = 0; pass < 3; pass++) {
            var report = report(DAY.minusDays(1), DAY);
            assertEquals(List.of(new ProcessReport.Day(DAY.minusDays(1), 0, 0, 0, 0),
                    new ProcessReport.Day(DAY, 4, 1, 1, 1)), report.days(), "pass " + pass);
            assertEquals(List.of("Intake", "Review"), report.states().stream().map(ProcessReport.StateTime::state).toList());
            var intake = report.states().get(0);
            assertEquals(1, intake.visits(), "only the completed flow counts");
            assertAbout(Duration.ofMinutes(15).toMillis(), intake.p50Millis(), "Intake p50");
            assertEquals(Duration.ofMinutes(15).toMillis(), intake.meanMillis());
            assertAbout(Duration.ofMinutes(60).toMillis(), report.states().get(1).p90Millis(), "Review p90");
            assertEquals(List.of("Kind"), report.reportVariables(), "never a restricted variable");

            var work = store.inTransaction(em -> reports.work(em, DAY, DAY));
            assertEquals(1, work.workgroups().size());
            var toUsers = work.workgroups().get(0);
            assertEquals("", toUsers.workgroup(), "items sent to a user");
            assertEquals(4, toUsers.items());
            // waited 10, 40, 76 (the failed flow's first item, sent at 09:00) and 1 minutes; handled 5, 20, 1 and 1
            assertAbout(Duration.ofMinutes(76).toMillis(), toUsers.waitingP90Millis(), "waiting p90");
            assertAbout(Duration.ofMinutes(10).toMillis(), toUsers.waitingP50Millis(), "waiting p50");
            assertAbout(Duration.ofMinutes(1).toMillis(), toUsers.handlingP50Millis(), "handling p50");

            clock.advance(Duration.ofMinutes(1));
            Boolean rolled = store.inTransaction(em -> reports.rollUp(em));
            assertTrue(rolled || pass > 0, "the first pass has something to roll up");
        }
        var reached = store.inTransaction(RollupStore::reached);
        Boolean claimed = store.inTransaction(em -> RollupStore.claim(em, reached.minusSeconds(60), clock.instant()));
        assertFalse(claimed,
                "a pass that started from an older cursor adds nothing: another pass took its window");
    }

    @Test
    void aFlowIsCountedOnTheUtcDayOfEachOfItsEvents() {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-06-01T23:50:00Z")));
        var flow = launch();
        answer(flow, Duration.ofMinutes(5), Duration.ofMinutes(10), "Done"); // changes state at 00:05
        answer(flow, Duration.ofMinutes(5), Duration.ofMinutes(5), "Done"); // completes at 00:15
        clock.advance(Duration.ofMinutes(5));
        store.run(em -> reports.rollUp(em));

        var report = report(DAY, DAY.plusDays(1));
        assertEquals(List.of(new ProcessReport.Day(DAY, 1, 0, 0, 0), new ProcessReport.Day(DAY.plusDays(1), 0, 1, 0, 0)),
                report.days());
        assertEquals(List.of(new ProcessReport.Day(DAY.plusDays(1), 0, 1, 0, 0)), report(DAY.plusDays(1),
                DAY.plusDays(1)).days());
        assertEquals(List.of(), report(DAY, DAY).states(), "times in states are counted on the day the flow completed");
    }

    @Test
    void theValuesOfAReportedVariableNewestFirstAndARestrictedOneNever() {
        var first = launch();
        clock.advance(Duration.ofMinutes(1));
        launch();
        answer(first, Duration.ofMinutes(1), Duration.ofMinutes(1), "Done");
        answer(first, Duration.ofMinutes(1), Duration.ofMinutes(1), "Done"); // Kind becomes "van"

        var values = store.inTransaction(em -> reports.values(em, "Claim", "Kind", DAY, DAY, 0, 2));
        assertEquals(List.of("van", "car"), values.values().stream().map(VariableValues.Value::value).toList());
        assertTrue(values.more());
        assertEquals(List.of(new VariableValues.Count("car", 2), new VariableValues.Count("van", 1)), values.mostFrequent());
        var next = store.inTransaction(em -> reports.values(em, "Claim", "Kind", DAY, DAY, 1, 2));
        assertEquals(List.of("car"), next.values().stream().map(VariableValues.Value::value).toList());
        assertFalse(next.more());

        var restricted = assertThrows(InvalidInput.class, () -> store.inTransaction(em ->
                reports.values(em, "Claim", "Ssn", DAY, DAY, 0, 10)));
        assertEquals("variable", restricted.errors().get(0).field());
        assertTrue(restricted.errors().get(0).reason().contains("restricted"), restricted.errors().toString());
        long written = store.inTransaction(em -> em.createQuery("SELECT COUNT(v) FROM VariableReport v WHERE "
                + "v.variableName = 'Ssn'", Long.class).getSingleResult());
        assertEquals(0, written, "nothing of it was ever written");
    }

    @Test
    void aBadPeriodOrPageIsRefusedNamingTheField() {
        var backwards = assertThrows(InvalidInput.class, () -> report(DAY, DAY.minusDays(1)));
        assertEquals("from", backwards.errors().get(0).field());
        var long_ = assertThrows(InvalidInput.class, () -> report(DAY.minusDays(Reports.MAX_DAYS), DAY));
        assertEquals("to", long_.errors().get(0).field());
        assertEquals(Reports.MAX_DAYS, report(DAY.minusDays(Reports.MAX_DAYS - 1), DAY).days().size());
        var page = assertThrows(InvalidInput.class, () -> store.inTransaction(em ->
                reports.values(em, "Claim", "Nope", DAY, DAY, -1, 0)));
        assertEquals(List.of("page", "size", "variable"), page.errors().stream().map(InvalidInput.FieldError::field).toList());
    }
}
