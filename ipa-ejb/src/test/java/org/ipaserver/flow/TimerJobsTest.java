package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timer jobs fired the way the server's workers fire them (lease, run in a transaction of its own,
 * on failure back off, after the attempts an incident), on H2 with the clock in hand.
 */
class TimerJobsTest {

    private static final int MAX_ATTEMPTS = 3;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final FlowEngine engine = new FlowEngine(catalog, clock, "storage-a", 5, new WorkItemRouter(clock));
    private LocalStore store;

    @BeforeEach
    void open() {
        store = LocalStore.h2InMemory();
        store.run(em -> catalog.publish(em, """
                {"name": "Sleeper", "startState": "S",
                 "variables": [{"name": "Woke", "type": "Boolean", "initial": false}],
                 "states": [{"name": "S", "actions": [
                   {"type": "Wait", "duration": "PT1S"},
                   {"type": "UpdateVariables", "assignments": [{"variable": "Woke", "value": "${true}"}]}]}]}
                """, "designer", clock.instant()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aTimerThatAlwaysFailsBecomesAnIncidentWhileAThousandOthersFireInTheFirstPass() throws Exception {
        var broken = launch();
        var others = new java.util.ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            others.add(launch());
        }
        // a state document nobody can read any more: every attempt of that flow's timer fails
        store.run(em -> em.createNativeQuery("UPDATE flowexec_Storage SET state_document = '{\"v\": 2' "
                + "WHERE flow_id = ?").setParameter(1, broken).executeUpdate());
        clock.advance(Duration.ofSeconds(1));

        assertEquals(1001, firePass());
        assertEquals(Long.valueOf(1000), store.inTransaction(em -> em.createQuery("SELECT COUNT(f) FROM FlowRecord f WHERE "
                + "f.status = 'completed'", Long.class).getSingleResult()), "one failing job delays no other");
        var failing = store.inTransaction(em -> em.find(FlowRecord.class, broken));
        assertEquals("waiting", failing.status().code(), "a failed attempt backs off");
        assertEquals(1, failing.jobAttempts());
        assertTrue(failing.nextRunAt().isAfter(clock.instant()));

        for (int attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
            assertEquals(0, firePass(), "not before its back-off");
            clock.advance(Duration.ofMinutes(5));
            assertEquals(1, firePass());
        }
        var incident = store.inTransaction(em -> em.find(FlowRecord.class, broken));
        assertEquals("error", incident.status().code());
        assertTrue(incident.errorMessage().startsWith("incident: the timer job failed 3 times"),
                incident.errorMessage());
        assertEquals("S", incident.errorStep(), "the step, as far as an unreadable flow tells it");
        clock.advance(Duration.ofHours(1));
        assertEquals(0, firePass(), "an incident waits for a manager, it does not loop");

        var healthy = launch(); // its state document, waiting at the Wait, repairs the broken one
        store.run(em -> em.createNativeQuery("UPDATE flowexec_Storage s SET state_document = (SELECT "
                + "state_document FROM flowexec_Storage WHERE flow_id = ?) WHERE flow_id = ?")
                .setParameter(1, healthy).setParameter(2, broken).executeUpdate());
        store.run(em -> engine.retry(em, broken));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, firePass());
        assertEquals("completed", store.inTransaction(em -> engine.view(em, broken)).status(),
                "a manager's retry after the cause is fixed");
    }

    @Test
    void aLateFailureReportGivesAnIncidentNoNextRun() throws Exception {
        var flow = launch();
        store.run(em -> em.createNativeQuery("UPDATE flowexec_Storage SET state_document = '{\"v\": 2' "
                + "WHERE flow_id = ?").setParameter(1, flow).executeUpdate());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofMinutes(5));
            assertEquals(1, firePass());
        }
        assertEquals("error", store.inTransaction(em -> engine.view(em, flow)).status());

        store.run(em -> engine.jobFailed(em, flow, "a worker whose lease ran out reports late", MAX_ATTEMPTS));
        clock.advance(Duration.ofHours(1));
        assertEquals(0, firePass(), "an incident is not leased again");
        var incident = store.inTransaction(em -> em.find(FlowRecord.class, flow));
        assertEquals(MAX_ATTEMPTS, incident.jobAttempts());
        assertTrue(incident.errorMessage().startsWith("incident:"), incident.errorMessage());
    }

    @Test
    void theRestorePhaseCountsOnlyTimersDueAtStart() throws InterruptedException {
        launch();
        var start = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Long.valueOf(1), store.inTransaction(em -> engine.overdueAt(em, start)));
        firePass();
        assertEquals(Long.valueOf(0), store.inTransaction(em -> engine.overdueAt(em, start)));
        launch();
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Long.valueOf(0), store.inTransaction(em -> engine.overdueAt(em, start)), "timers due later are not the restore's");
    }

    /** One pass of four workers over the leased due jobs; returns how many were leased. */
    private int firePass() throws InterruptedException {
        var jobs = store.inTransaction(em -> engine.claimDueJobs(em, 5000, Duration.ofMinutes(1)));
        var workers = Executors.newFixedThreadPool(4);
        for (var job : jobs) {
            workers.execute(() -> {
                try {
                    store.inTransaction(em -> engine.resumeTimer(em, job.flowId()));
                } catch (RuntimeException e) {
                    store.run(em -> engine.jobFailed(em, job.flowId(), e.getClass().getSimpleName(), MAX_ATTEMPTS));
                }
            });
        }
        workers.shutdown();
        assertTrue(workers.awaitTermination(2, TimeUnit.MINUTES));
        return jobs.size();
    }

    private String launch() {
        return store.inTransaction(em -> engine.launch(em, "Sleeper", null, Map.<String, JsonValue>of(), "alice"));
    }
}
