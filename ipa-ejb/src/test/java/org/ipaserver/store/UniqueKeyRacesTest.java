package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.catalog.DefinitionRecord;
import org.ipaserver.expression.Expressions;
import org.ipaserver.routing.RoutingServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two transactions creating the same key at the same time, for real: the first has inserted and
 * not committed, the second inserts and waits on the database's lock, then the first commits.
 * Publishing gets each its own version; creating a workgroup gives the second a conflict (409),
 * not a failure (H2 here, PostgreSQL in a subclass).
 */
class UniqueKeyRacesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final String PROCESS = """
            { "name": "Raced", "startState": "S",
              "states": [ { "name": "S", "actions": [ { "type": "EndProcess" } ] } ] }
            """;

    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    private LocalStore store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    /** A lock timeout well above the time the test lets the second transaction wait. */
    LocalStore newStore() {
        return LocalStore.h2("jdbc:h2:mem:ipa-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    }

    /**
     * Whether another transaction is inside an insert now: the second one waiting for the first to
     * end (H2 leaves BLOCKER_ID empty for a wait on a unique key).
     */
    boolean someoneWaitsOnALock(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS "
                + "WHERE SESSION_STATE = 'RUNNING' AND EXECUTING_STATEMENT LIKE 'INSERT %'").getSingleResult())
                .longValue() > 0;
    }

    @AfterEach
    void closeStore() {
        threads.shutdownNow();
        store.close();
    }

    @Test
    void twoPublishesOfOneProcessAtTheSameTimeGetTheNextTwoVersions() throws Exception {
        var second = race(em -> catalog.publish(em, PROCESS, "ann", NOW),
                () -> UniqueKeys.retrying(3, () -> store.inTransaction(em -> catalog.publish(em, PROCESS, "bob", NOW))));

        assertEquals(2, second.version(), "the later publish retried after the first committed");
        var versions = store.inTransaction(em -> catalog.versions(em, "Raced"));
        assertEquals(List.of(1, 2), versions.stream().map(DefinitionRecord::version).toList());
        assertEquals(List.of("ann", "bob"), versions.stream().map(DefinitionRecord::publishedBy).toList());
    }

    @Test
    void twoCreationsOfOneWorkgroupAtTheSameTimeGiveTheSecondAConflict() {
        var lost = assertThrows(ExecutionException.class, () -> race(
                em -> RoutingServices.asAdmin(em, (e, users) -> java.util.Map.of(), change -> { })
                        .saveWorkgroup("Underwriters", "first", List.of("ann")),
                () -> store.inTransaction(em -> RoutingServices.asAdmin(em, (e, users) -> java.util.Map.of(), change -> { })
                        .saveWorkgroup("Underwriters", "second", List.of("bob")))));

        assertTrue(UniqueKeys.violated(lost.getCause()), "answered 409 Conflict: " + lost.getCause());
        var kept = store.inTransaction(em -> RoutingServices.asAdmin(em, (e, users) -> java.util.Map.of(), change -> { })
                .workgroup("Underwriters"));
        assertEquals("first", kept.description());
        assertEquals(List.of("ann"), kept.members());
    }

    /**
     * Runs {@code first} in a transaction that stays open until {@code second}, on another thread,
     * waits on the database for it; then commits it and returns what {@code second} gives.
     */
    private <T> T race(Consumer<EntityManager> first, java.util.function.Supplier<T> second) throws Exception {
        var inserted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var firstDone = CompletableFuture.runAsync(() -> store.run(em -> {
            first.accept(em);
            inserted.countDown();
            await(commit);
        }), threads);
        assertTrue(inserted.await(20, TimeUnit.SECONDS), "the first transaction inserted");
        var secondDone = CompletableFuture.supplyAsync(second, threads);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!store.inTransaction(this::someoneWaitsOnALock) && !secondDone.isDone()) {
                assertTrue(System.nanoTime() < deadline, "the second transaction never waited on the first");
                Thread.sleep(10);
            }
        } finally {
            commit.countDown();
        }
        firstDone.get(20, TimeUnit.SECONDS);
        return secondDone.get(20, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
