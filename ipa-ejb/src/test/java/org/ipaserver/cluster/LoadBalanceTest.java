package org.ipaserver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowIds;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowRecord;
import org.ipaserver.flow.FlowStatus;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PAS_LoadBalanceThreshold on a real database (H2 here, PostgreSQL in a subclass): three instances
 * on one store; an instance over the threshold hands launches to the least loaded live one, whose
 * job workers run them; a target that re-registered or died is not handed anything, and one that
 * re-registers while a hand-over commits moves the handed flow with its others.
 */
class LoadBalanceTest {

    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final String DOUBLER = """
            {"name": "Doubler", "startState": "S", "variables": [{"name": "N", "type": "Integer", "initial": 1}],
             "states": [{"name": "S", "actions": [
               {"type": "UpdateVariables", "assignments": [{"variable": "N", "value": "${N * 2}"}]}]}]}
            """;

    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private LocalStore store;
    private Node a;
    private Node b;
    private Node c;

    /** One server instance: its registration and its engine at the epoch it holds. */
    private final class Node {
        final String storageId;
        final InstanceRegistry registry = new InstanceRegistry(clock, LEASE);
        FlowEngine engine;

        Node(String storageId) {
            this.storageId = storageId;
            register();
        }

        long register() {
            var router = new WorkItemRouter(clock);
            var probe = new FlowEngine(catalog, clock, new FlowOwner(storageId, 0), 5, router, call -> { });
            long epoch = store.inTransaction(em -> {
                long e = registry.register(em, storageId, "run-of-" + storageId, "host");
                probe.moveToEpoch(em, e);
                return e;
            });
            engine = new FlowEngine(catalog, clock, new FlowOwner(storageId, epoch), 5, router, call -> { });
            return epoch;
        }

        void launchSleepers(int count) {
            for (int i = 0; i < count; i++) {
                store.run(em -> engine.launch(em, "Sleeper", null, Map.of(), "bob"));
            }
        }

        /** As FlowService does: the target's registration held, then the flow handed to it. */
        Optional<String> handOver(LoadBalance.ActiveFlows target) {
            return store.inTransaction(em -> LoadBalance.hold(em, target, clock).map(owner ->
                    engine.handOver(em, FlowIds.next(), owner, "Doubler", null, Map.of("N", Json.createValue(21)),
                            "bob").id()));
        }

        List<String> dueTimers() {
            return store.inTransaction(em -> engine.dueTimers(em, 100));
        }

        boolean resume(String id) {
            return store.inTransaction(em -> engine.resumeTimer(em, id));
        }
    }

    LocalStore newStore() {
        return LocalStore.h2InMemory();
    }

    @BeforeEach
    void open() {
        store = newStore();
        store.run(em -> {
            catalog.publish(em, ClusterProcesses.SLEEPER, "designer", clock.instant());
            catalog.publish(em, DOUBLER, "designer", clock.instant());
        });
        a = new Node("storage-a");
        b = new Node("storage-b");
        c = new Node("storage-c");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anInstanceOverTheThresholdHandsLaunchesToTheLeastLoadedUntilNoneIsUnderIt() {
        a.launchSleepers(3);
        b.launchSleepers(1);
        var balance = new LoadBalance();
        balance.refresh(store.inTransaction(em -> LoadBalance.count(em, clock)));

        assertEquals(Optional.empty(), balance.target("storage-b", 2), "b is not over the threshold");
        var targets = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            targets.add(balance.target("storage-a", 2).orElseThrow().storageId());
        }
        assertEquals("storage-c", targets.get(0), "the least loaded first");
        assertEquals(List.of("storage-b", "storage-c", "storage-c"), targets.stream().sorted().toList(),
                "each hand-over counts at once: c had none, b one, the threshold is two");
        assertEquals(Optional.empty(), balance.target("storage-a", 2), "no instance is under the threshold now");
    }

    @Test
    void aHandedFlowWaitsForItsOwnerWhoseWorkersRunItOnce() {
        a.launchSleepers(3);
        var balance = new LoadBalance();
        balance.refresh(store.inTransaction(em -> LoadBalance.count(em, clock)));
        var target = balance.target("storage-a", 2).orElseThrow();
        var id = a.handOver(target).orElseThrow();

        var handed = store.inTransaction(em -> em.find(FlowRecord.class, id));
        assertEquals(FlowStatus.WAITING, handed.status());
        assertEquals(target.storageId(), handed.storageId());
        assertTrue(handed.waitingOn().contains("handed over"), handed.waitingOn());
        assertFalse(a.dueTimers().contains(id), "not the launcher's to run");
        var owner = target.storageId().equals("storage-b") ? b : c;
        assertTrue(owner.dueTimers().contains(id));
        assertTrue(owner.resume(id));
        assertFalse(owner.resume(id), "it runs once");
        var done = store.inTransaction(em -> a.engine.view(em, id));
        assertEquals("completed", done.status());
        assertEquals(42L, done.variables().get("N"), "its launch variables, run by the owner");
    }

    @Test
    void aTargetThatReRegisteredOrWhoseLeaseRanOutGetsNothing() {
        a.launchSleepers(3);
        var balance = new LoadBalance();
        balance.refresh(store.inTransaction(em -> LoadBalance.count(em, clock)));
        var first = balance.target("storage-a", 2).orElseThrow();
        (first.storageId().equals("storage-b") ? b : c).register();
        assertEquals(Optional.empty(), a.handOver(first), "its epoch is no longer the one counted");

        clock.advance(LEASE.plusSeconds(1));
        var second = balance.target("storage-a", 2).orElseThrow();
        assertEquals(Optional.empty(), a.handOver(second), "its lease ran out");
    }

    @Test
    void aRegistrationDuringAHandOverWaitsForItAndMovesTheHandedFlow() throws Exception {
        a.launchSleepers(3);
        var balance = new LoadBalance();
        balance.refresh(store.inTransaction(em -> LoadBalance.count(em, clock)));
        var target = balance.target("storage-a", 2).orElseThrow();
        var owner = target.storageId().equals("storage-b") ? b : c;
        var held = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var handing = pool.submit(() -> store.inTransaction(em -> {
                var to = LoadBalance.hold(em, target, clock).orElseThrow();
                var id = a.engine.handOver(em, FlowIds.next(), to, "Doubler", null, Map.of(), "bob").id();
                em.flush();
                held.countDown();
                await(commit);
                return id;
            }));
            assertTrue(held.await(10, TimeUnit.SECONDS));
            var registering = pool.submit(owner::register);
            Thread.sleep(500);
            assertFalse(registering.isDone(), "the registration waits for the hand-over's commit");
            commit.countDown();
            var id = handing.get(10, TimeUnit.SECONDS);
            long epoch = registering.get(10, TimeUnit.SECONDS);

            var moved = store.inTransaction(em -> em.find(FlowRecord.class, id));
            assertEquals(epoch, moved.ownerEpoch(), "the handed flow belongs to the new registration");
            assertTrue(owner.dueTimers().contains(id), "and is not stuck under the old epoch");
            assertTrue(owner.resume(id));
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
