package org.ipaserver.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.job.JobWorkers;
import org.ipaserver.job.LocalJobs;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;

/**
 * Timers fired per second, fired by the server's own {@link JobWorkers} (leased in batches by the
 * owner, one transaction a timer) over a local store, polled every {@code pollMillis} as the
 * server polls them (ipa.timerPollMillis). For each count it launches that many flows whose timer
 * is due at once, then fires them while C client threads launch straight-through flows at a steady
 * rate, and prints timers/s beside the launches' p50/p99, also measured without timers firing.
 *
 * <pre>--mode timers --db h2|postgresql --timers 1000,100000 --workers 4 --pollMillis 500
 * --clients 2 --launchRate 100 --probeSeconds 15</pre>
 */
final class TimerBenchmark {

    static final String TIMER = """
            { "name": "BenchTimer", "startState": "S", "variables": [ { "name": "A", "type": "Integer", "initial": 1 } ],
              "states": [ { "name": "S", "actions": [ { "type": "Wait", "duration": "PT0S" },
                { "type": "UpdateVariables", "assignments": [ { "variable": "A", "value": "${A + 1}" } ] } ] } ] }
            """;

    private final String db;
    private final LocalStore store;
    private final FlowEngine engine;
    private final LocalJobs jobs;
    private final int workers;
    private final long pollMillis;
    private final LaunchProbe probe;
    private final CpuMeter cpu;
    private long lastFired = -1;
    private long lastProgress;

    private TimerBenchmark(String db, LocalStore store, Map<String, String> options) {
        this.db = db;
        this.store = store;
        var catalog = new DefinitionCatalog(new Expressions());
        engine = new FlowEngine(catalog, Clock.systemUTC(), new FlowOwner("bench", 0), 10,
                new WorkItemRouter(Clock.systemUTC()), request -> { });
        jobs = new LocalJobs(store, engine);
        cpu = new CpuMeter(db.equals("postgresql") ? FlowBenchmark.postgresqlUrl() : null);
        workers = Integer.parseInt(options.getOrDefault("workers", "4"));
        pollMillis = Long.parseLong(options.getOrDefault("pollMillis", "500"));
        store.run(em -> catalog.publish(em, TIMER, "bench", Instant.now()));
        store.run(em -> catalog.publish(em, FlowBenchmark.DEFINITION, "bench", Instant.now()));
        probe = new LaunchProbe(() -> {
            store.run(em -> engine.launch(em, "Bench10", null, Map.of(), "client"));
            return null;
        }, Integer.parseInt(options.getOrDefault("clients", "2")),
                Double.parseDouble(options.getOrDefault("launchRate", "100")));
    }

    static void run(Map<String, String> options) throws Exception {
        var db = options.getOrDefault("db", "h2");
        var counts = Arrays.stream(options.getOrDefault("timers", "1000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        long probeMillis = Long.parseLong(options.getOrDefault("probeSeconds", "15")) * 1000;
        try (var store = db.equals("postgresql") ? LocalStore.postgresql(FlowBenchmark.postgresqlUrl() + "?ApplicationName=" + CpuMeter.APPLICATION, "postgres", "")
                : FlowBenchmark.store(db)) {
            var bench = new TimerBenchmark(db, store, options);
            bench.fire(2000, false); // warm-up: JIT, pools, caches
            bench.probe.run(Math.min(probeMillis, 5000), null); // warm-up of the launches
            store.analyze();
            var alone = bench.probe.run(probeMillis, null);
            System.out.println("launches without timers firing: " + alone);
            for (int count : counts) {
                bench.fire(count, true);
            }
        }
    }

    /** Launches {@code count} flows due at once, then fires them as the server does, launches probing meanwhile. */
    private void fire(int count, boolean print) throws Exception {
        var launched = FlowBenchmark.measure("launching " + count + " flows that wait on a timer", count, 4, () -> {
            store.run(em -> engine.launch(em, "BenchTimer", null, Map.of(), "bench"));
            return null;
        });
        if (print) {
            System.out.println(launched);
        }
        if (print) { // the query a claim runs, with this many due
            QueryPlans.print(store, db, "the due timers, " + count + " due",
                    QueryPlans.caught(store, em -> engine.dueTimers(em, 200)));
        }
        long before = jobs.fired();
        var workerPool = new JobWorkers(daemons("timer-worker"), jobs, workers);
        var poller = Executors.newSingleThreadScheduledExecutor(daemons("poller"));
        cpu.start();
        long start = System.nanoTime();
        poller.scheduleWithFixedDelay(workerPool::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
        var meanwhile = probe.run(Long.MAX_VALUE, () -> jobs.fired() - before >= count || stalled(start, before));
        double seconds = (System.nanoTime() - start) / 1e9;
        poller.shutdownNow();
        workerPool.stop();
        long fired = jobs.fired() - before;
        if (fired < count) {
            throw new IllegalStateException("only " + fired + " of " + count + " timers fired");
        }
        if (print) {
            System.out.printf("timers %s, %d due at once: fired with %d workers (poll every %d ms) in %.2f s: "
                    + "%.0f timers/s%n", db, count, workers, pollMillis, seconds, fired / seconds);
            System.out.println("launches while they fired: " + meanwhile);
            System.out.println(cpu.per(fired, "timer") + " (the launches meanwhile included)");
        }
    }

    /** No timer fired for a minute: something is wrong, stop waiting. */
    private boolean stalled(long start, long before) {
        long fired = jobs.fired();
        long now = System.nanoTime();
        if (fired != lastFired) {
            lastFired = fired;
            lastProgress = now;
        }
        return now - Math.max(start, lastProgress) > TimeUnit.MINUTES.toNanos(1);
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Launches from a few client threads at a steady total rate, as users would send them, and
     * the p50/p99 of their answers (from the start of each launch to its commit).
     */
    static final class LaunchProbe {

        private final Callable<Void> launch;
        private final int clients;
        private final double rate;

        LaunchProbe(Callable<Void> launch, int clients, double rate) {
            this.launch = launch;
            this.clients = clients;
            this.rate = rate;
        }

        /** Runs for {@code millis} or until {@code done} says so (checked between launches). */
        String run(long millis, java.util.function.BooleanSupplier done) throws Exception {
            var latencies = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
            var failures = new java.util.concurrent.atomic.AtomicInteger();
            long start = System.nanoTime();
            long end = millis == Long.MAX_VALUE ? Long.MAX_VALUE : start + TimeUnit.MILLISECONDS.toNanos(millis);
            long interval = (long) (1e9 * clients / rate);
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                long offset = c * interval / clients;
                pool.submit(() -> {
                    long next = start + offset;
                    while (!stop.get() && System.nanoTime() < end) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        next += interval;
                        long begin = System.nanoTime();
                        try {
                            launch.call();
                        } catch (Exception e) {
                            if (failures.incrementAndGet() == 1) {
                                e.printStackTrace();
                            }
                        }
                        latencies.add(System.nanoTime() - begin);
                    }
                    return null;
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(20, TimeUnit.MILLISECONDS)) {
                if (done != null && done.getAsBoolean()) {
                    stop.set(true);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return "no launches";
            }
            return String.format("%d launches from %d clients at %.0f/s asked (%.0f/s done), p50 %.2f ms, "
                    + "p99 %.2f ms, failures %d", sorted.length, clients, rate, sorted.length / seconds,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, failures.get());
        }
    }
}
