package org.ipaserver.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's job workers over a local H2 store, the clock in hand. */
class JobWorkersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final FlowEngine engine = new FlowEngine(catalog, clock, "storage-a", 5, new WorkItemRouter(clock));
    private LocalStore store;
    private JobWorkers workers;

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
        workers.stop();
        store.close();
    }

    @Test
    void onePassFiresABacklogLargerThanTheWorkersHoldWithoutWaitingForTheNextPass() throws Exception {
        for (int i = 0; i < 1000; i++) {
            store.run(em -> engine.launch(em, "Sleeper", null, Map.<String, JsonValue>of(), "alice"));
        }
        clock.advance(Duration.ofSeconds(1));
        var jobs = new LocalJobs(store, engine);
        workers = new JobWorkers(Thread::new, jobs, 2); // 200 in hand at most

        workers.poll();
        for (int i = 0; i < 1200 && completed() < 1000; i++) { // no second pass: the workers lease the rest
            Thread.sleep(100);
        }
        assertEquals(1000, completed(), "every due timer fired after one pass");
        assertEquals(1000, jobs.fired(), "each once");
        assertEquals(0, workers.poll(), "nothing left due");
    }

    private long completed() {
        return store.inTransaction(em -> em.createQuery("SELECT COUNT(f) FROM FlowRecord f WHERE f.status = "
                + "'completed'", Long.class).getSingleResult());
    }
}
