package org.ipaserver.flowadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.cluster.ClusterProcesses;
import org.ipaserver.cluster.InstanceRegistry;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * flow-admin on real flows (H2 here, PostgreSQL in a subclass): a stopped instance's flows
 * transferred to another and run to their end there, the same through the printed SQL, and flows
 * exported from one database, imported into another under the migration storage ID, transferred
 * and finished; hostile files and arguments change nothing.
 */
class FlowAdminTest {

    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final String PARENT = """
            {"name": "Parent", "startState": "S", "states": [{"name": "S", "actions": [
               {"type": "RunProcess", "process": "Sleeper"}]}]}
            """;

    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private LocalStore store;
    private LocalStore other;

    @TempDir
    Path dir;

    LocalStore newStore() {
        return LocalStore.h2InMemory();
    }

    String user() {
        return "sa";
    }

    @BeforeEach
    void open() {
        store = newStore();
        store.run(em -> {
            catalog.publish(em, ClusterProcesses.SLEEPER, "designer", clock.instant());
            catalog.publish(em, ClusterProcesses.REVIEW, "designer", clock.instant());
            catalog.publish(em, ClusterProcesses.SCORING, "designer", clock.instant());
            catalog.publish(em, PARENT, "designer", clock.instant());
        });
    }

    @AfterEach
    void close() {
        store.close();
        if (other != null) {
            other.close();
        }
    }

    /** One server instance on a store: registered, with its engine and desk. */
    private final class Node {
        final LocalStore on;
        final String storageId;
        final InstanceRegistry registry = new InstanceRegistry(clock, LEASE);
        final WorkItemRouter router = new WorkItemRouter(clock);
        FlowEngine engine;
        WorkItemDesk desk;
        long epoch;

        Node(LocalStore on, String storageId) {
            this.on = on;
            this.storageId = storageId;
            register();
        }

        void register() {
            var probe = new FlowEngine(catalog, clock, new FlowOwner(storageId, 0), 5, router, call -> { });
            epoch = on.inTransaction(em -> {
                long e = registry.register(em, storageId, "run-of-" + storageId, "host-" + storageId);
                probe.moveToEpoch(em, e);
                return e;
            });
            engine = new FlowEngine(catalog, clock, new FlowOwner(storageId, epoch), 5, router, call -> { });
            desk = new WorkItemDesk(engine, catalog, clock, router);
        }

        String launch(String definition) {
            return on.inTransaction(em -> engine.launch(em, definition, null, Map.of(), "bob"));
        }

        void stop() {
            on.run(em -> registry.release(em, storageId, "run-of-" + storageId, epoch));
        }

        /** Runs what is due an hour from now and approves alice's work items: the flows end. */
        void finish() {
            clock.advance(Duration.ofHours(1));
            for (var job : on.inTransaction(em -> engine.claimDueJobs(em, 100, Duration.ofSeconds(60)))) {
                boolean resumed = on.inTransaction(em -> engine.resumeTimer(em, job.flowId()));
                assertTrue(resumed, job.toString());
            }
            for (var item : on.inTransaction(em -> desk.mine(em, Caller.named("alice")))) {
                on.run(em -> desk.complete(em, item.id(), Caller.named("alice"), "Approve", Map.of(),
                        on.inTransaction(e -> desk.get(e, item.id(), Caller.named("alice"))).version()));
            }
        }
    }

    private record Run(int status, String out, String err) {
    }

    private Run flowAdmin(LocalStore on, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var command = new String[args.length + 4];
        command[0] = "--url";
        command[1] = on.url();
        command[2] = "--user";
        command[3] = user();
        System.arraycopy(args, 0, command, 4, args.length);
        int status = new FlowAdmin(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock).run(command, "");
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private FlowRecord row(LocalStore on, String flowId) {
        return on.inTransaction(em -> em.find(FlowRecord.class, flowId));
    }

    /** Three flows left unfinished by A: a timer, a work item alice holds, a call in flight; one ended. */
    private List<String> unfinishedFlowsOf(Node a) {
        var sleeper = a.launch("Sleeper");
        var review = a.launch("Review");
        var scoring = a.launch("Scoring");
        var ended = a.launch("Sleeper");
        store.run(em -> a.engine.cancel(em, ended));
        var item = store.inTransaction(em -> a.desk.mine(em, Caller.named("alice"))).get(0);
        store.run(em -> a.desk.pickUp(em, item.id(), Caller.named("alice"), item.version()));
        return List.of(sleeper, review, scoring, ended);
    }

    @Test
    void aStoppedInstancesFlowsMoveToAnotherAndEndThere() {
        var a = new Node(store, "storage-a");
        var b = new Node(store, "storage-b");
        var flows = unfinishedFlowsOf(a);

        var live = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b");
        assertEquals(1, live.status(), live.toString());
        assertTrue(live.err().contains("held by a live instance"), live.err());
        assertEquals("storage-a", row(store, flows.get(0)).storageId(), "nothing moved");

        var listed = flowAdmin(store, "instances");
        assertEquals(0, listed.status(), listed.toString());
        assertTrue(listed.out().lines().anyMatch(l -> l.startsWith("storage-a") && l.contains("live") && l.endsWith("3")),
                listed.out());

        a.stop();
        var moved = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b");
        assertEquals(0, moved.status(), moved.toString());
        assertTrue(moved.out().startsWith("transferred 3 flows from storage-a to storage-b"), moved.out());
        for (var id : flows.subList(0, 3)) {
            assertEquals("storage-b", row(store, id).storageId());
            assertEquals(b.epoch, row(store, id).ownerEpoch());
        }
        assertEquals("storage-a", row(store, flows.get(3)).storageId(), "an ended flow stays where it ended");
        assertEquals("restored-in-error", row(store, flows.get(2)).status().code(), "the call is not made again blindly");
        assertEquals("held", store.inTransaction(em -> b.desk.mine(em, Caller.named("alice"))).get(0).status());
        assertThrows(FlowExceptions.NotOwner.class, () -> store.run(em -> a.engine.cancel(em, flows.get(0))),
                "A's engine, at its old epoch, writes nothing of what it lost");

        b.finish();
        assertEquals(2L, store.inTransaction(em -> b.engine.view(em, flows.get(0))).variables().get("A"));
        assertEquals("it's approved", store.inTransaction(em -> b.engine.view(em, flows.get(1))).variables().get("Outcome"));

        a.register();
        assertEquals("storage-b", row(store, flows.get(0)).storageId(), "A came back and took nothing back");
    }

    @Test
    void thePrintedSqlDoesWhatTheTransferDoesAndChangesNothingByItself() throws Exception {
        var a = new Node(store, "storage-a");
        var b = new Node(store, "storage-b");
        var flows = unfinishedFlowsOf(a);
        a.stop();
        var printed = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b", "--print-sql");
        assertEquals(0, printed.status(), printed.toString());
        assertEquals("storage-a", row(store, flows.get(0)).storageId(), "printing moved nothing");
        assertTrue(printed.out().contains("UPDATE flowexec_Flows SET storage_id = 'storage-b'"), printed.out());

        runScript(printed.out());
        for (var id : flows.subList(0, 3)) {
            assertEquals("storage-b", row(store, id).storageId());
        }
        assertEquals("restored-in-error", row(store, flows.get(2)).status().code());
        b.finish();
        assertEquals("it's approved", store.inTransaction(em -> b.engine.view(em, flows.get(1))).variables().get("Outcome"));
    }

    @Test
    void aPrintedTransferRunAfterTheSourceCameBackChangesNothing() throws Exception {
        var a = new Node(store, "storage-a");
        new Node(store, "storage-b");
        var flows = unfinishedFlowsOf(a);
        a.stop();
        var printed = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b", "--print-sql");
        a.register(); // it started again before the DBA ran the script
        runScript(printed.out());
        for (var id : flows.subList(0, 3)) {
            assertEquals("storage-a", row(store, id).storageId(), "each statement checked the fence");
            assertEquals(a.epoch, row(store, id).ownerEpoch());
        }
        assertEquals("processing", store.inTransaction(em -> a.desk.mine(em, Caller.named("alice"))).get(0).status());
        assertEquals("waiting", row(store, flows.get(2)).status().code(), "its call was not restored in error");
    }

    @Test
    void aTargetNoInstanceHoldsIsRefused() {
        var a = new Node(store, "storage-a");
        unfinishedFlowsOf(a);
        a.stop();
        var typo = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-x");
        assertEquals(1, typo.status(), typo.toString());
        assertTrue(typo.err().contains("storage ID storage-x is not registered"), typo.err());
        var parked = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "migration");
        assertEquals(0, parked.status(), parked.toString());
    }

    @Test
    void aFlowTreeMovesWhole() {
        var a = new Node(store, "storage-a");
        new Node(store, "storage-b");
        var parent = a.launch("Parent");
        var child = store.inTransaction(em -> em.createQuery("SELECT f.id FROM FlowRecord f WHERE f.parentFlowId = :p",
                String.class).setParameter("p", parent).getSingleResult());
        a.stop();
        var half = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b", "--flow", parent);
        assertEquals(1, half.status(), half.toString());
        assertTrue(half.err().contains("a flow tree moves whole") && half.err().contains(child), half.err());
        var halfExport = flowAdmin(store, "export", "--dir", dir.toString(), "--flow", child);
        assertEquals(1, halfExport.status(), halfExport.toString());
        assertTrue(halfExport.err().contains(parent), halfExport.err());
        var whole = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b", "--flow", parent,
                "--flow", child);
        assertEquals(0, whole.status(), whole.toString());
        assertEquals("storage-b", row(store, child).storageId());
    }

    /** As a DBA would: each statement in turn, comments skipped. */
    private void runScript(String script) throws Exception {
        try (var connection = DriverManager.getConnection(store.url(), user(), "");
             var statement = connection.createStatement()) {
            var sql = new StringBuilder();
            for (var line : script.lines().toList()) {
                if (line.startsWith("--")) {
                    continue;
                }
                sql.append(line).append('\n');
                if (line.endsWith(";")) {
                    statement.execute(sql.substring(0, sql.lastIndexOf(";")));
                    sql.setLength(0);
                }
            }
        }
    }

    @Test
    void onlyTheFlowsNamedMoveAndUnknownOnesAreRefused() {
        var a = new Node(store, "storage-a");
        new Node(store, "storage-b");
        var flows = unfinishedFlowsOf(a);
        a.stop();
        var refused = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b",
                "--flow", flows.get(0), "--flow", flows.get(3));
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains(flows.get(3)) && !refused.err().contains(flows.get(0)), refused.err());
        assertEquals("storage-a", row(store, flows.get(0)).storageId());

        var one = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b", "--flow", flows.get(0));
        assertEquals(0, one.status(), one.toString());
        assertEquals("storage-b", row(store, flows.get(0)).storageId());
        assertEquals("storage-a", row(store, flows.get(1)).storageId());

        var injected = flowAdmin(store, "transfer", "--from", "storage-a", "--to", "storage-b", "--flow", "x' OR '1'='1");
        assertEquals(1, injected.status(), injected.toString());
        assertTrue(injected.err().contains("is not a storage or flow ID"), injected.err());
        assertEquals("storage-a", row(store, flows.get(1)).storageId());
    }

    @Test
    void exportedFlowsAreImportedElsewhereUnderTheMigrationStorageIdThenTransferredAndRun() {
        var a = new Node(store, "storage-a");
        var flows = unfinishedFlowsOf(a);
        var exported = flowAdmin(store, "export", "--storage-id", "storage-a", "--dir", dir.toString());
        assertEquals(0, exported.status(), exported.toString());
        assertEquals("exported 4 flows to " + dir, exported.out().strip());

        other = newStore(); // another database: no definitions, no flows
        var imported = flowAdmin(other, "import", "--dir", dir.toString());
        assertEquals(0, imported.status(), imported.toString());
        assertTrue(imported.out().contains("imported 4 flows under the migration storage ID "
                + FlowOwner.MIGRATION_STORAGE_ID), imported.out());
        assertTrue(imported.out().contains("Sleeper version 1"), "the definitions came with them: " + imported.out());
        assertEquals(FlowOwner.MIGRATION_STORAGE_ID, row(other, flows.get(0)).storageId());
        var listed = flowAdmin(other, "flows", "--storage-id", "migration");
        assertEquals(5, listed.out().lines().count(), listed.out());

        var again = flowAdmin(other, "import", "--dir", dir.toString());
        assertEquals(1, again.status(), again.toString());
        assertTrue(again.err().contains("exists already in this database"), again.err());
        assertEquals(4L, other.count("flowexec_Flows"), "nothing imported twice");

        var c = new Node(other, "storage-c");
        var moved = flowAdmin(other, "transfer", "--from", "migration", "--to", "storage-c");
        assertEquals(0, moved.status(), moved.toString());
        assertEquals("restored-in-error", row(other, flows.get(2)).status().code(), "the call in flight at export");
        c.finish();
        assertEquals(2L, other.inTransaction(em -> c.engine.view(em, flows.get(0))).variables().get("A"));
        assertEquals("it's approved", other.inTransaction(em -> c.engine.view(em, flows.get(1))).variables().get("Outcome"));
        assertEquals("cancelled", row(other, flows.get(3)).status().code());
        assertEquals(row(store, flows.get(3)).startedAt(), row(other, flows.get(3)).startedAt(), "times kept");
    }

    @Test
    void hostileFilesAreRefusedWithTheirPathAndNothingIsImported() throws Exception {
        var a = new Node(store, "storage-a");
        var flows = unfinishedFlowsOf(a);
        assertEquals(0, flowAdmin(store, "export", "--flow", flows.get(0), "--dir", dir.toString()).status());
        // the same flow under another id: each hostile file is the only one that fails
        var good = Files.readString(dir.resolve(flows.get(0) + ".json")).replace(flows.get(0),
                "00000000-0000-4000-8000-000000000001");
        other = newStore();
        var cases = Map.of(
                "{ not json", "not one JSON object",
                good.replaceFirst("\"schemaVersion\":\\s*\\d+", "\"schemaVersion\": 1"), "exported from schema version 1,",
                good.replaceFirst("\"format\":\\s*\"[^\"]*\"", "\"format\": \"other\""), "$.format is not",
                good.replace("\"definition_version\":", "\"no_such_column\": 1, \"definition_version\":"),
                "has no such column",
                good.replaceFirst("\"started_at\":\\s*\"[^\"]*\"", "\"started_at\": 12"), "is not a value of its column",
                good.replace("\"tables\":", "\"tables\": 3, \"old\":"), "not a flow export as flow-admin writes it");
        for (var hostile : cases.entrySet()) {
            Files.writeString(dir.resolve("z-hostile.json"), hostile.getKey());
            var run = flowAdmin(other, "import", "--dir", dir.toString());
            assertEquals(1, run.status(), run.toString());
            assertTrue(run.err().contains("z-hostile.json") && run.err().contains(hostile.getValue()), run.err());
            assertEquals(0L, other.count("flowexec_Flows"), "the good file before it was not imported either");
            assertEquals(0L, other.count("ipa_Definitions"));
        }
    }

    @Test
    void badCommandLinesAreRefusedWithTheUsage() {
        assertEquals(2, flowAdmin(store, "frobnicate").status());
        assertEquals(2, flowAdmin(store, "transfer", "--from").status());
        assertEquals(2, flowAdmin(store, "transfer", "--to", "b").status());
        assertEquals(2, flowAdmin(store, "flows", "--limit", "0").status());
        assertEquals(2, flowAdmin(store, "flows", "--status", "sleeping").status());
        var same = flowAdmin(store, "transfer", "--from", "x", "--to", "x");
        assertEquals(1, same.status());
        assertFalse(same.err().isEmpty());
    }
}
