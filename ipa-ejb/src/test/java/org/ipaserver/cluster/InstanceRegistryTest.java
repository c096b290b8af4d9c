package org.ipaserver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Storage IDs registered in ipa_Instances (H2 here, PostgreSQL in a subclass): one live holder
 * at a time, a new epoch at each registration, and the old holder fenced once another took over.
 */
class InstanceRegistryTest {

    private static final String STORAGE = "9a1f6c1e-0b4e-4c11-9d7c-3c2f1e0a5b6d";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final InstanceRegistry registry = new InstanceRegistry(clock, Duration.ofSeconds(15));
    private LocalStore store;

    @BeforeEach
    void open() {
        store = newStore();
    }

    LocalStore newStore() {
        return LocalStore.h2InMemory();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long register(String incarnation) {
        return store.inTransaction(em -> registry.register(em, STORAGE, incarnation, "host-" + incarnation));
    }

    private boolean heartbeat(String incarnation, long epoch) {
        return store.inTransaction(em -> registry.heartbeat(em, STORAGE, incarnation, epoch));
    }

    private InstanceView only() {
        var all = store.inTransaction(registry::list);
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    @Test
    void aSecondInstanceIsRefusedTheStorageIdWhileTheFirstHoldsItsLease() {
        assertEquals(1, register("first"));
        clock.advance(Duration.ofSeconds(10));
        assertTrue(heartbeat("first", 1));
        clock.advance(Duration.ofSeconds(10)); // 20 s after the start, 10 s after the heartbeat
        var refused = assertThrows(StorageIdInUse.class, () -> register("second"));
        assertTrue(refused.getMessage().contains(STORAGE) && refused.getMessage().contains("host-first"),
                refused.getMessage());
        var held = only();
        assertEquals(1, held.epoch(), "a refusal changes nothing");
        assertEquals("live", held.status());
        assertEquals("host-first", held.host());
    }

    @Test
    void theSameProcessRegisteringAgainGetsANewEpoch() {
        assertEquals(1, register("first"));
        assertEquals(2, register("first"), "a redeployment in the same server process");
        assertFalse(heartbeat("first", 1), "the old epoch is fenced");
        assertTrue(heartbeat("first", 2));
    }

    @Test
    void aStorageIdWhoseLeaseRanOutIsTakenAndTheOldHolderIsFenced() {
        assertEquals(1, register("hung"));
        clock.advance(Duration.ofSeconds(16));
        assertEquals("lease-expired", only().status());
        assertEquals(2, register("restarted"));
        assertFalse(heartbeat("hung", 1), "waking up, the old holder learns that it lost the storage ID");
        assertTrue(heartbeat("restarted", 2));
        assertEquals("live", only().status());
    }

    @Test
    void aReleasedStorageIdIsFreeAtOnce() {
        long epoch = register("first");
        store.run(em -> registry.release(em, STORAGE, "first", epoch));
        assertEquals("stopped", only().status());
        assertEquals(2, register("next"));
    }

    @Test
    void theFlowsOfAStorageIdMoveToItsNewEpochAndWritesUnderTheOldOneFail() {
        var catalog = new DefinitionCatalog(new Expressions());
        store.run(em -> catalog.publish(em, """
                {"name": "Sleeper", "startState": "S", "variables": [{"name": "A", "type": "Integer", "initial": 1}],
                 "states": [{"name": "S", "actions": [{"type": "Wait", "duration": "PT1S"},
                   {"type": "UpdateVariables", "assignments": [{"variable": "A", "value": "${A + 1}"}]}]}]}
                """, "designer", clock.instant()));
        var router = new WorkItemRouter(clock);
        var before = new FlowEngine(catalog, clock, new FlowOwner(STORAGE, 1), 5, router, r -> { });
        var waiting = store.inTransaction(em -> before.launch(em, "Sleeper", null, Map.of(), "ann"));
        var done = store.inTransaction(em -> {
            var id = before.launch(em, "Sleeper", null, Map.of(), "ann");
            before.cancel(em, id);
            return id;
        });

        var after = new FlowEngine(catalog, clock, new FlowOwner(STORAGE, 1), 5, router, r -> { });
        int moved = store.inTransaction(em -> after.moveToEpoch(em, 2));
        assertEquals(1, moved, "the waiting flow moves, the ended one not");
        after.adopt(new FlowOwner(STORAGE, 2));
        clock.advance(Duration.ofSeconds(2));

        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> before.resumeTimer(em, waiting)),
                "the old epoch may not write");
        boolean resumed = store.inTransaction(em -> after.resumeTimer(em, waiting));
        assertTrue(resumed);
        assertEquals("completed", store.inTransaction(em -> after.view(em, waiting)).status());
        assertEquals("cancelled", store.inTransaction(em -> after.view(em, done)).status());
        assertThrows(IllegalArgumentException.class, () -> after.adopt(new FlowOwner("another", 3)));
        assertEquals(List.of(), store.inTransaction(registry::list), "the registry is apart from the flows");
    }
}
