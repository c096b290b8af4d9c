package org.ipaserver.bench;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowSearch;
import org.ipaserver.job.JobWorkers;
import org.ipaserver.job.LocalJobs;
import org.ipaserver.routing.RoutingServices;
import org.ipaserver.security.Caller;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemDesk;
import org.ipaserver.workitem.WorkItemRouter;

/**
 * A soak run: N flows through the in-process engine, a mix of straight-through flows, flows that
 * wait on a timer (fired by the server's {@link JobWorkers}, polled as the server polls them) and
 * flows whose work item is found, picked up and completed by a member of the client's workgroup.
 * After each slice it prints the heap used after a GC, the slice's flows/s (its timers fired
 * included), the time of a search by process and status and of a flow view on the full tables;
 * at the end the plans of those queries and the database size per flow.
 *
 * <pre>--mode soak --db postgresql --flows 1000000 --slice 100000 --threads 4 --mix 6,2,2</pre>
 */
final class SoakBenchmark {

    /** A timer due a second after the launch, then one step to the end. */
    static final String TIMER = """
            { "name": "SoakTimer", "startState": "S", "variables": [ { "name": "A", "type": "Integer", "initial": 1 } ],
              "states": [ { "name": "S", "actions": [ { "type": "Wait", "duration": "PT1S" },
                { "type": "UpdateVariables", "assignments": [ { "variable": "A", "value": "${A + 1}" } ] } ] } ] }
            """;
    private static final List<String> TABLES = List.of("flowexec_Flows", "flowexec_Storage", "flowexec_Completion",
            "ipa_WorkItems", "ipa_VariableReports", "ipa_RelatedInteractions");

    private final String db;
    private final LocalStore store;
    private final FlowEngine engine;
    private final WorkItemDesk desk;
    private final LocalJobs jobs;
    private final CpuMeter cpu;
    private final int[] mix;
    private final LinkedBlockingQueue<String> members = new LinkedBlockingQueue<>();
    private final AtomicLong unitNumber = new AtomicLong();
    private final AtomicLong timersLaunched = new AtomicLong();
    /** A few flow ids of each kind, for the views. */
    private final ConcurrentLinkedQueue<String> sampleIds = new ConcurrentLinkedQueue<>();
    private final Map<String, JsonValue> note = Map.of("note", Json.createValue("looks fine"));

    private SoakBenchmark(String db, LocalStore store, int threads, int[] mix) {
        this.db = db;
        this.store = store;
        this.mix = mix;
        var clock = Clock.systemUTC();
        var catalog = new DefinitionCatalog(new Expressions());
        var router = new WorkItemRouter(clock);
        engine = new FlowEngine(catalog, clock, new FlowOwner("bench", 0), 10, router, request -> { });
        desk = new WorkItemDesk(engine, catalog, clock, router);
        jobs = new LocalJobs(store, engine);
        cpu = new CpuMeter(db.equals("postgresql") ? FlowBenchmark.postgresqlUrl() : null);
        for (var definition : List.of(FlowBenchmark.DEFINITION, TIMER, FlowBenchmark.REVIEW)) {
            store.run(em -> catalog.publish(em, definition, "bench", Instant.now()));
        }
        for (int t = 1; t <= threads; t++) { // each a member of a workgroup of its own, available
            var user = "soak" + t;
            store.run(em -> {
                var routing = RoutingServices.asAdmin(em, (e, users) -> Map.of(), change -> { });
                routing.saveWorkgroup("Desk-" + user, null, List.of(user));
                routing.setLicence(user, "GROUP_ROUTED");
                routing.setPresence(user, "available");
            });
            members.add(user);
        }
    }

    static void run(Map<String, String> options) throws Exception {
        var db = options.getOrDefault("db", "postgresql");
        int flows = Integer.parseInt(options.getOrDefault("flows", "1000000"));
        int slice = Integer.parseInt(options.getOrDefault("slice", "100000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        var mix = Arrays.stream(options.getOrDefault("mix", "6,2,2").split(",")).mapToInt(Integer::parseInt).toArray();
        try (var store = db.equals("postgresql") ? LocalStore.postgresql(FlowBenchmark.postgresqlUrl() + "?ApplicationName=" + CpuMeter.APPLICATION, "postgres", "")
                : FlowBenchmark.store(db)) {
            var soak = new SoakBenchmark(db, store, threads, mix);
            var workers = new JobWorkers(runnable -> {
                var thread = new Thread(runnable, "timer-worker");
                thread.setDaemon(true);
                return thread;
            }, soak.jobs, 4);
            var poller = Executors.newSingleThreadScheduledExecutor();
            poller.scheduleWithFixedDelay(workers::poll, 0, 500, TimeUnit.MILLISECONDS); // ipa.timerPollMillis
            try {
                System.out.printf("soak %s: %d flows in slices of %d, %d threads, mix straight/timer/work item %s%s%n",
                        db, flows, slice, threads, options.getOrDefault("mix", "6,2,2"), soak.vacuumNote());
                for (int done = 0; done < flows; done += slice) {
                    soak.slice(done / slice + 1, Math.min(slice, flows - done), threads);
                }
                soak.finish(flows);
            } finally {
                poller.shutdownNow();
                workers.stop();
            }
        }
    }

    private void slice(int number, int count, int threads) throws Exception {
        long timersBefore = timersLaunched.get();
        long firedBefore = jobs.fired();
        cpu.start();
        long start = System.nanoTime();
        var units = FlowBenchmark.measure("slice " + number, count, threads, this::unit);
        long timers = timersLaunched.get() - timersBefore;
        waitFor(() -> jobs.fired() - firedBefore >= timers, "the slice's " + timers + " timers to fire");
        double seconds = (System.nanoTime() - start) / 1e9;
        var cost = cpu.per(count, "flow");
        var vacuum = vacuum();
        System.out.printf("slice %d: %d flows in %.1f s, %.0f flows/s (timers fired included); heap after GC "
                + "%d MB; search by process and status %s; flow view %s; %s%s%n  (units: %s)%n", number, count,
                seconds, count / seconds, heapAfterGc(), searchTimes(), viewTimes(), cost, vacuum,
                units.substring(units.indexOf(':') + 2));
    }

    /** One unit of the mix, its kind by its number. */
    private Void unit() throws Exception {
        long n = unitNumber.getAndIncrement();
        int slot = (int) (n % (mix[0] + mix[1] + mix[2]));
        String id;
        if (slot < mix[0]) {
            id = store.inTransaction(em -> engine.launch(em, "Bench10", null, Map.of(), "soak"));
        } else if (slot < mix[0] + mix[1]) {
            id = store.inTransaction(em -> engine.launch(em, "SoakTimer", null, Map.of(), "soak"));
            timersLaunched.incrementAndGet();
        } else {
            id = workItem();
        }
        if (n % 10_007 == 0) {
            sampleIds.add(id);
        }
        return null;
    }

    /** Launch, find it in my list, pick it up, complete it with a button: the flow ends. */
    private String workItem() throws InterruptedException {
        var user = members.take();
        try {
            var caller = Caller.named(user);
            var id = store.inTransaction(em -> engine.launch(em, "BenchReview", null,
                    Map.of("Desk", Json.createValue("Desk-" + user)), "soak"));
            var items = store.inTransaction(em -> desk.mine(em, caller));
            if (items.size() != 1) {
                throw new IllegalStateException(user + " holds " + items.size() + " work items, not 1");
            }
            var item = items.get(0).id();
            store.run(em -> desk.pickUp(em, item, caller, null));
            store.run(em -> desk.complete(em, item, caller, "Approve", note, null));
            return id;
        } finally {
            members.add(user);
        }
    }

    private static final List<FlowSearch.Query> SEARCHES = List.of(
            new FlowSearch.Query("Bench10", "completed", null, null, null, null, 0, 50),
            new FlowSearch.Query("BenchReview", "completed", null, null, null, null, 0, 50),
            new FlowSearch.Query("SoakTimer", "waiting", null, null, null, null, 0, 50));

    /** The median of 3 runs of each search, first page of 50 and the total. */
    private String searchTimes() {
        var times = new ArrayList<String>();
        for (var query : SEARCHES) {
            long total = store.inTransaction(em -> FlowSearch.run(em, query)).total();
            times.add(String.format("%s/%s %s ms (%d found)", query.definition(), query.status(),
                    median(() -> store.inTransaction(em -> FlowSearch.run(em, query))), total));
        }
        return String.join(", ", times);
    }

    /** The median of the views of the sample flows (one every 10,007), oldest and newest included. */
    private String viewTimes() {
        var ids = List.copyOf(sampleIds);
        var times = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            long begin = System.nanoTime();
            store.inTransaction(em -> engine.view(em, id));
            times[i] = System.nanoTime() - begin;
        }
        Arrays.sort(times);
        return String.format("median %.2f ms, max %.2f ms over %d flows", times[times.length / 2] / 1e6,
                times[times.length - 1] / 1e6, times.length);
    }

    private static String median(Supplier<?> work) {
        var times = new long[3];
        for (int i = 0; i < times.length; i++) {
            long begin = System.nanoTime();
            work.get();
            times[i] = System.nanoTime() - begin;
        }
        Arrays.sort(times);
        return String.format("%.2f", times[1] / 1e6);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** Autovacuum is off on this test database: the run stands in for it after each slice, and says so. */
    private boolean vacuums() {
        return db.equals("postgresql") && "off".equals(store.inTransaction(em -> em.createNativeQuery(
                "SELECT setting FROM pg_settings WHERE name = 'autovacuum'").getSingleResult()));
    }

    private String vacuumNote() {
        return vacuums() ? "; autovacuum is off on this database: VACUUM ANALYZE of the engine's tables after each "
                + "slice stands in for it" : "";
    }

    private String vacuum() {
        if (!vacuums()) {
            return "";
        }
        long begin = System.nanoTime();
        String[] where = store.inTransaction(em -> {
            var connection = em.unwrap(java.sql.Connection.class);
            try {
                return new String[] {connection.getMetaData().getURL(), connection.getSchema()};
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (var connection = java.sql.DriverManager.getConnection(where[0], "postgres", "");
             var statement = connection.createStatement()) { // VACUUM runs outside a transaction
            connection.setSchema(where[1]);
            statement.execute("VACUUM ANALYZE " + String.join(", ", TABLES));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return String.format("; vacuum %.1f s", (System.nanoTime() - begin) / 1e9);
    }

    private void finish(int flows) {
        var newest = List.copyOf(sampleIds).get(sampleIds.size() - 1);
        QueryPlans.print(store, db, "the search by process and status", QueryPlans.caught(store,
                em -> FlowSearch.run(em, SEARCHES.get(0))));
        QueryPlans.print(store, db, "a flow view", QueryPlans.caught(store, em -> engine.view(em, newest)));
        if (db.equals("postgresql")) {
            long bytes = 0;
            var sizes = new ArrayList<String>();
            for (var table : TABLES) {
                long size = ((Number) store.inTransaction(em -> em.createNativeQuery(
                        "SELECT pg_total_relation_size('" + table.toLowerCase() + "')").getSingleResult())).longValue();
                bytes += size;
                sizes.add(String.format("%s %.0f", table, (double) size / flows));
            }
            System.out.printf("database size: %d MB, %.0f bytes a flow (tables and their indexes: %s)%n",
                    bytes / (1024 * 1024), (double) bytes / flows, String.join(", ", sizes));
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 5 minutes for " + what);
            }
            Thread.sleep(50);
        }
    }
}
