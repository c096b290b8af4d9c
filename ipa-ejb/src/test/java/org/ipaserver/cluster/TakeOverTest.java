package org.ipaserver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.persistence.RollbackException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowRecord;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.security.Caller;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemDesk;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Take-over of a dead or hung instance's flows, fenced in the database (H2 here, PostgreSQL in a
 * subclass): three instances, each with its own clock, registry and engine, on one store.
 */
class TakeOverTest {

    private static final Duration LEASE = Duration.ofSeconds(10);

    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private LocalStore store;
    private Node a;
    private Node b;
    private Node c;

    /** One server instance: its clock, registry, engine, desk and take-over. */
    private final class Node {
        final String storageId;
        final String incarnation;
        final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
        final InstanceRegistry registry = new InstanceRegistry(clock, LEASE);
        final Departures departures = new Departures(clock);
        final List<Object> calls = new ArrayList<>();
        FlowEngine engine;
        WorkItemDesk desk;
        TakeOver takeOver;

        Node(String storageId) {
            this.storageId = storageId;
            this.incarnation = "run-of-" + storageId;
            register();
        }

        /** Registers (a new epoch) and adopts it, as a server does at start and after losing its lease. */
        long register() {
            var router = new WorkItemRouter(clock);
            var probe = new FlowEngine(catalog, clock, new FlowOwner(storageId, 0), 5, router, calls::add);
            long epoch = store.inTransaction(em -> {
                long e = registry.register(em, storageId, incarnation, "host-" + storageId);
                probe.moveToEpoch(em, e);
                return e;
            });
            engine = new FlowEngine(catalog, clock, new FlowOwner(storageId, epoch), 5, router, calls::add);
            engine.takeFlowsForWork((em, self) -> InstanceRegistry.holdLive(em, self, clock)); // as on a server
            desk = new WorkItemDesk(engine, catalog, clock, router);
            takeOver = new TakeOver(registry, engine, desk, clock, departures);
            return epoch;
        }

        String launch(String definition) {
            return store.inTransaction(em -> engine.launch(em, definition, null, Map.of(), "bob"));
        }

        List<InstanceRegistry.Expired> candidates() {
            return store.inTransaction(em -> takeOver.candidates(em));
        }

        /** As the server's scan does: the claim in a transaction, then forgotten once committed. */
        TakeOver.Outcome takeOver(InstanceRegistry.Expired dead) {
            var outcome = store.inTransaction(em -> takeOver.takeOver(em, incarnation, dead));
            if (outcome.result() == TakeOver.Result.TAKEN) {
                departures.settled(dead.storageId());
            }
            return outcome;
        }

        boolean heartbeat() {
            return store.inTransaction(em -> registry.heartbeat(em, storageId, incarnation, engine.owner().epoch()));
        }

        void advance(Duration duration) {
            clock.advance(duration);
        }
    }

    LocalStore newStore() {
        return LocalStore.h2InMemory();
    }

    @BeforeEach
    void open() {
        store = newStore();
        var at = Instant.parse("2026-05-01T08:00:00Z");
        store.run(em -> {
            catalog.publish(em, ClusterProcesses.SLEEPER, "designer", at);
            catalog.publish(em, ClusterProcesses.REVIEW, "designer", at);
            catalog.publish(em, ClusterProcesses.SCORING, "designer", at);
        });
        a = new Node("storage-a");
        b = new Node("storage-b");
        c = new Node("storage-c");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private FlowRecord row(String flowId) {
        return store.inTransaction(em -> em.find(FlowRecord.class, flowId));
    }

    /** The others' clocks move on past A's lease while A stands still (killed, or hung). */
    private void aStopsRenewing() {
        b.advance(LEASE.plusSeconds(1));
        c.advance(LEASE.plusSeconds(1));
        assertTrue(b.heartbeat());
        assertTrue(c.heartbeat());
    }

    @Test
    void aSurvivorTakesTheDeadInstancesFlowsByTheRulesOfARestore() {
        var sleeper = a.launch("Sleeper");
        var review = a.launch("Review");
        var scoring = a.launch("Scoring");
        var ended = store.inTransaction(em -> {
            var id = a.engine.launch(em, "Sleeper", null, Map.of(), "bob");
            a.engine.cancel(em, id);
            return id;
        });
        var item = store.inTransaction(em -> a.desk.mine(em, Caller.named("alice"))).get(0);
        store.run(em -> a.desk.pickUp(em, item.id(), Caller.named("alice"), item.version()));
        assertEquals(1, a.calls.size(), "the call was made: it is in flight");
        var wakeAt = row(sleeper).nextRunAt();

        aStopsRenewing();
        var dead = b.candidates();
        assertEquals(List.of(new InstanceRegistry.Expired("storage-a", 1)), dead, "B and C are live, A is not");
        var outcome = b.takeOver(dead.get(0));

        assertEquals(TakeOver.Result.TAKEN, outcome.result());
        assertEquals(3, outcome.flows(), "the cancelled flow stays where it ended");
        assertEquals(1, outcome.workItemsHeld());
        assertEquals(1, outcome.callsRestoredInError());
        for (var id : List.of(sleeper, review, scoring)) {
            assertEquals("storage-b", row(id).storageId());
            assertEquals(b.engine.owner().epoch(), row(id).ownerEpoch());
            assertNull(row(id).leaseUntil());
        }
        assertEquals("storage-a", row(ended).storageId());
        assertEquals("held", store.inTransaction(em -> b.desk.mine(em, Caller.named("alice"))).get(0).status());
        assertEquals("restored-in-error", row(scoring).status().code());
        assertEquals(wakeAt, row(sleeper).nextRunAt(), "the timer stays due when it was");
        var registration = store.inTransaction(em -> em.find(Instance.class, "storage-a"));
        assertEquals("taken-over", registration.view(b.clock.instant()).status());
        assertEquals(2, registration.epoch());
        assertEquals("storage-b", registration.incarnation(), "the taker, in the incarnation column");
        assertEquals(List.of(), c.candidates(), "nothing left to take");

        b.advance(Duration.ofMinutes(1));
        var jobs = store.inTransaction(em -> b.engine.claimDueJobs(em, 10, Duration.ofSeconds(60)));
        assertEquals(List.of(new FlowEngine.Job(sleeper, FlowRecord.TIMER)), jobs);
        boolean resumed = store.inTransaction(em -> b.engine.resumeTimer(em, sleeper));
        assertTrue(resumed);
        assertEquals(2L, store.inTransaction(em -> b.engine.view(em, sleeper)).variables().get("A"));
        store.run(em -> b.desk.complete(em, item.id(), Caller.named("alice"), "Approve", Map.of(),
                store.inTransaction(e -> b.desk.get(e, item.id(), Caller.named("alice"))).version()));
        assertEquals("it's approved", store.inTransaction(em -> b.engine.view(em, review)).variables().get("Outcome"));
    }

    @Test
    void theOldOwnerWakingUpCannotWriteAFlowItLost() {
        var sleeper = a.launch("Sleeper");
        var review = a.launch("Review");
        var item = store.inTransaction(em -> a.desk.mine(em, Caller.named("alice"))).get(0);
        var versionBefore = row(sleeper).ownerEpoch();
        aStopsRenewing();

        // A read its flow before the take-over and writes after it: the row version fails the write
        var stale = assertThrows(RollbackException.class, () -> store.run(em -> {
            em.find(FlowRecord.class, sleeper);
            assertEquals(TakeOver.Result.TAKEN, b.takeOver(b.candidates().get(0)).result());
            a.advance(Duration.ofMinutes(2));
            boolean written = a.engine.resumeTimer(em, sleeper);
            assertTrue(written, "A's copy says it still owns the flow");
        }));
        assertTrue(stale.getCause() instanceof jakarta.persistence.OptimisticLockException, stale.toString());

        // reading afresh, it finds another owner
        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> a.engine.resumeTimer(em, sleeper)));
        assertEquals(List.of(), store.inTransaction(em -> a.engine.claimDueJobs(em, 10, Duration.ofSeconds(60))),
                "A leases no job of a flow it lost");
        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> a.desk.complete(em, item.id(),
                Caller.named("alice"), "Approve", Map.of(), store.inTransaction(e -> a.desk.get(e, item.id(),
                        Caller.named("alice"))).version())));
        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> a.engine.cancel(em, review)));
        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> a.desk.pickUp(em, item.id(),
                Caller.named("alice"), null)), "nor a work item of a flow it lost");
        assertEquals("waiting", row(review).status().code(), "nothing A tried was written");
        assertEquals("storage-b", row(sleeper).storageId());
        assertEquals(1, versionBefore);

        assertFalse(a.heartbeat(), "its heartbeat fails: the epoch and status changed");
        assertEquals(3, a.register(), "it registers again at a new epoch");
        assertEquals("storage-b", row(sleeper).storageId(), "and takes nothing back");
        assertTrue(a.heartbeat());
        var fresh = a.launch("Sleeper");
        assertEquals("storage-a", row(fresh).storageId(), "it runs new flows of its own");
    }

    @Test
    void aWorkItemChangePreparedBeforeTheTakeOverFailsAtCommit() {
        var review = a.launch("Review");
        var item = store.inTransaction(em -> a.desk.mine(em, Caller.named("alice"))).get(0);
        aStopsRenewing();
        // A read the item and its flow before the take-over and changes the item after it
        var stale = assertThrows(RuntimeException.class, () -> store.run(em -> {
            a.desk.get(em, item.id(), Caller.named("alice"));
            assertEquals(TakeOver.Result.TAKEN, b.takeOver(b.candidates().get(0)).result());
            a.desk.pickUp(em, item.id(), Caller.named("alice"), item.version());
        }));
        assertTrue(optimisticLockLost(stale), stale.toString());
        assertEquals("alerting", store.inTransaction(em -> b.desk.get(em, item.id(), Caller.named("alice"))).status());
        assertEquals("storage-b", row(review).storageId());
        var picked = store.inTransaction(em -> b.desk.pickUp(em, item.id(), Caller.named("alice"), null));
        assertEquals("processing", picked.status(), "through its new owner it is picked up");
    }

    private static boolean optimisticLockLost(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    @Test
    void ofTwoRacingSurvivorsOnlyOneTakesOver() throws Exception {
        var sleeper = a.launch("Sleeper");
        aStopsRenewing();
        var seenByB = b.candidates().get(0);
        var seenByC = c.candidates().get(0);
        assertEquals(TakeOver.Result.TAKEN, b.takeOver(seenByB).result());
        assertEquals(TakeOver.Result.LOST_RACE, c.takeOver(seenByC).result(), "C saw it expired, B claimed it first");
        assertEquals("storage-b", row(sleeper).storageId());

        // at the same time, on two connections
        var other = new Node("storage-d");
        var flows = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            flows.add(other.launch("Sleeper"));
        }
        b.advance(LEASE.plusSeconds(1));
        c.advance(LEASE.plusSeconds(1));
        var dead = b.candidates().get(0);
        assertEquals("storage-d", dead.storageId());
        var start = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var byB = pool.submit(() -> {
                start.await();
                return b.takeOver(dead);
            });
            var byC = pool.submit(() -> {
                start.await();
                return c.takeOver(dead);
            });
            var results = List.of(byB.get(30, TimeUnit.SECONDS), byC.get(30, TimeUnit.SECONDS));
            assertEquals(1, results.stream().filter(r -> r.result() == TakeOver.Result.TAKEN).count(), results::toString);
            assertEquals(1, results.stream().filter(r -> r.result() == TakeOver.Result.LOST_RACE).count());
            var winner = results.stream().filter(r -> r.result() == TakeOver.Result.TAKEN).findFirst().orElseThrow();
            assertEquals(20, winner.flows());
            var owners = flows.stream().map(id -> row(id).storageId()).distinct().toList();
            assertEquals(1, owners.size(), "every flow went to the one winner: " + owners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCleanlyStoppedInstanceIsNotTakenOver() {
        var sleeper = a.launch("Sleeper");
        store.run(em -> a.registry.release(em, "storage-a", a.incarnation, a.engine.owner().epoch()));
        aStopsRenewing();
        assertEquals(List.of(), b.candidates(), "its flows wait for it to start again");
        assertEquals("storage-a", row(sleeper).storageId());
        a.register();
        assertEquals(a.engine.owner().epoch(), row(sleeper).ownerEpoch(), "back at its start, at its new epoch");
    }

    @Test
    void anInstanceThatLostItsOwnLeaseTakesNothing() {
        var sleeper = a.launch("Sleeper");
        // B hung too: its lease ran out and C took it over
        b.advance(LEASE.plusSeconds(1));
        c.advance(LEASE.plusSeconds(1));
        assertTrue(c.heartbeat());
        var expiredForC = c.candidates();
        assertEquals(2, expiredForC.size(), expiredForC::toString);
        var bRow = expiredForC.stream().filter(e -> e.storageId().equals("storage-b")).findFirst().orElseThrow();
        assertEquals(TakeOver.Result.TAKEN, c.takeOver(bRow).result());

        var aRow = b.candidates().stream().filter(e -> e.storageId().equals("storage-a")).findFirst().orElseThrow();
        assertEquals(TakeOver.Result.OWN_LEASE_LOST, b.takeOver(aRow).result());
        assertEquals("storage-a", row(sleeper).storageId(), "B moved nothing");
        assertEquals("lease-expired", store.inTransaction(em -> em.find(Instance.class, "storage-a"))
                .view(c.clock.instant()).status(), "A is still there for a live survivor to take");
    }

    /** Two renewal periods and the grace late renewals get. */
    private static final Duration MISSED_RENEWAL = Duration.ofSeconds(5);

    @Test
    void oneTheGridSawLeaveIsTakenOverOnceItMissesARenewalLongBeforeItsLeaseRunsOut() {
        var sleeper = a.launch("Sleeper");
        assertEquals(Duration.ofSeconds(2), a.registry.renewal(), "a 10 s lease is renewed every 2 s");
        b.departures.left("storage-a"); // killed: the grid saw it go
        assertEquals(List.of(), b.candidates(), "the grid's word alone moves nothing: its registration is read");
        b.advance(Duration.ofMillis(4500));
        assertEquals(List.of(), b.candidates(), "not yet: a live instance renews every 2 s, and may run late once");
        b.advance(Duration.ofMillis(500));
        assertTrue(b.heartbeat());
        var dead = b.candidates();
        assertEquals(1, dead.size(), dead::toString);
        assertEquals("storage-a", dead.get(0).storageId());
        assertTrue(dead.get(0).heartbeatAt() != null, "claimed as one that renewed no more, 5 s before its lease ends");

        var outcome = b.takeOver(dead.get(0));
        assertEquals(TakeOver.Result.TAKEN, outcome.result());
        assertEquals(1, outcome.flows());
        assertEquals("storage-b", row(sleeper).storageId());
        assertFalse(a.heartbeat(), "fenced as after any take-over");
        assertEquals(List.of(), b.candidates(), "taken over: nothing to claim again");
        assertEquals(List.of(), b.departures.watched(), "and no longer watched");
        assertEquals(List.of(), c.candidates(), "nothing left for another survivor");
    }

    @Test
    void oneTheGridSawLeaveThatStillRenewsItsLeaseIsNotTakenOver() {
        var sleeper = a.launch("Sleeper");
        b.departures.left("storage-a"); // cut off from the grid, not from the database
        assertEquals(List.of(), b.candidates());
        a.advance(Duration.ofSeconds(2));
        assertTrue(a.heartbeat());
        b.advance(MISSED_RENEWAL);
        var suspects = b.candidates();
        assertEquals(1, suspects.size(), suspects::toString);
        assertEquals(TakeOver.Result.LOST_RACE, b.takeOver(suspects.get(0)).result(), "it renewed since it was read");
        assertEquals("storage-a", row(sleeper).storageId());
        assertTrue(a.heartbeat(), "it still holds its storage ID");
        assertEquals(List.of(), b.departures.watched(), "no longer watched");
        b.advance(MISSED_RENEWAL);
        assertEquals(List.of(), b.candidates());
    }

    @Test
    void oneTheGridSawLeaveAfterAStopOrARestartIsNotTakenOver() {
        var sleeper = a.launch("Sleeper");
        store.run(em -> a.registry.release(em, "storage-a", a.incarnation, a.engine.owner().epoch()));
        b.departures.left("storage-a"); // a clean stop: released before its process left the grid
        assertEquals(List.of(), b.candidates());
        assertEquals(List.of(), b.departures.watched(), "a stopped registration is not watched");

        a.advance(Duration.ofSeconds(1));
        a.register();
        c.departures.left("storage-a"); // C hears late of the old process, after the new one registered
        assertEquals(List.of(), c.candidates());
        c.advance(MISSED_RENEWAL);
        var read = c.candidates();
        assertEquals(1, read.size());
        a.advance(Duration.ofSeconds(2));
        assertTrue(a.heartbeat());
        assertEquals(TakeOver.Result.LOST_RACE, c.takeOver(read.get(0)).result());
        assertEquals(a.engine.owner().epoch(), row(sleeper).ownerEpoch(), "its flows stay with its new start");
        b.departures.left("storage-b");
        assertEquals(List.of(), b.candidates(), "an instance never watches itself");
        assertEquals(List.of(), b.departures.watched());
    }

    @Test
    void aWorkItemIsWorkedOnAnyLiveInstanceWhichTakesItsWaitingFlow() {
        var review = a.launch("Review");
        var alice = Caller.named("alice");
        var item = store.inTransaction(em -> a.desk.mine(em, alice)).get(0);
        // A read the flow; then alice picks its item up through B, as a load balancer sends her
        var stale = assertThrows(RuntimeException.class, () -> store.run(em -> {
            em.find(FlowRecord.class, review);
            store.run(other -> b.desk.pickUp(other, item.id(), alice, item.version()));
            a.engine.cancel(em, review); // A's copy says the flow is still A's
        }));
        assertTrue(optimisticLockLost(stale), "A's write prepared before B took the flow fails: " + stale);
        assertEquals("waiting", row(review).status().code(), "nothing of A's cancel was written");
        assertEquals("storage-b", row(review).storageId(), "the flow went where the work was done");
        assertEquals(b.engine.owner().epoch(), row(review).ownerEpoch());

        var done = store.inTransaction(em -> c.desk.complete(em, item.id(), alice, "Approve", Map.of(), null));
        assertEquals("completed", done.status());
        var flow = row(review);
        assertEquals("storage-c", flow.storageId());
        assertEquals("completed", flow.status().code(), "and ran on to its end there");
        assertEquals(List.of(), store.inTransaction(em -> a.engine.claimDueJobs(em, 10, Duration.ofSeconds(60))));
    }

    /**
     * A user holds her work item through C while B takes A over: C locked the flow and writes the
     * item at its commit, B writes A's items and flows. Both lock a flow before its items, so B
     * waits for C instead of a deadlock that the database breaks by failing one of them.
     */
    @Test
    void aTakeOverWaitsForAWorkItemChangeOnAThirdInstanceInsteadOfDeadlocking() throws Exception {
        var review = a.launch("Review");
        var sleeper = a.launch("Sleeper");
        var alice = Caller.named("alice");
        var item = store.inTransaction(em -> a.desk.mine(em, alice)).get(0);
        store.run(em -> a.desk.pickUp(em, item.id(), alice, null));
        aStopsRenewing();
        var dead = b.candidates().get(0);
        var flowTaken = new java.util.concurrent.CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var byC = pool.submit(() -> store.inTransaction(em -> {
                var held = c.desk.hold(em, item.id(), alice, null); // the flow is C's, its row locked
                flowTaken.countDown();
                try {
                    Thread.sleep(700); // B's take-over starts meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return held;
            }));
            assertTrue(flowTaken.await(30, TimeUnit.SECONDS));
            var byB = pool.submit(() -> b.takeOver(dead));
            assertEquals("held", byC.get(30, TimeUnit.SECONDS).status(), "alice's change went through");
            var outcome = byB.get(30, TimeUnit.SECONDS);
            assertEquals(TakeOver.Result.TAKEN, outcome.result());
            assertEquals(1, outcome.flows(), "B took the sleeper; the review had gone to C: " + outcome);
            assertEquals(0, outcome.workItemsHeld());
            assertEquals("storage-c", row(review).storageId());
            assertEquals("storage-b", row(sleeper).storageId());
            assertEquals("held", store.inTransaction(em -> c.desk.get(em, item.id(), alice)).status());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFlowIsNotTakenForWorkByAnInstanceThatLostItsRegistration() {
        var review = a.launch("Review");
        var alice = Caller.named("alice");
        var item = store.inTransaction(em -> a.desk.mine(em, alice)).get(0);
        // B hung and was taken over by C: B takes nothing for work either
        b.advance(LEASE.plusSeconds(1));
        c.advance(LEASE.plusSeconds(1));
        a.advance(LEASE.plusSeconds(1));
        assertTrue(c.heartbeat());
        assertTrue(a.heartbeat());
        var bRow = c.candidates().stream().filter(e -> e.storageId().equals("storage-b")).findFirst().orElseThrow();
        assertEquals(TakeOver.Result.TAKEN, c.takeOver(bRow).result());
        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> b.desk.pickUp(em, item.id(), alice, null)));
        assertEquals("storage-a", row(review).storageId());
        assertEquals("processing", store.inTransaction(em -> c.desk.pickUp(em, item.id(), alice, null)).status(),
                "a live one does");
    }
}
