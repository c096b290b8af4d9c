package org.ipaserver.bench;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.store.LocalStore;

/**
 * Launches N straight-through flows of 10 UpdateVariables steps with C concurrent clients and
 * prints flows/s, p50 and p99 of one launch. Two paths: {@code inprocess} drives the plain-Java
 * engine on the database directly (one transaction per flow, as in the server); {@code http}
 * goes through the REST API of a running server ({@link HttpBenchmark}: also reads, and a fixed
 * arrival rate with {@code --rate}).
 *
 * With {@code --call jvm} each flow first runs a RunHandler of the in-JVM echo handler, with
 * {@code --call process} one of the handlers/score-applicant worker process (one live worker a
 * client thread, as the connector's pool keeps them): the launch commits "calling", the handler
 * runs outside the transaction, its answer commits the rest.
 * {@code --mode workitems} runs N work-item units (launch, find in my list, pick up, complete with a
 * button: the flow ends), each client thread a member of its own workgroup.
 * {@code --mode timers}: see {@link TimerBenchmark}. {@code --mode reports}: see {@link ReportBenchmark}.
 *
 * {@code --instances K} runs K in-process engines at once, each in a JVM of its own: see {@link InstancesBenchmark}.
 *
 * <pre>--mode inprocess|http|workitems|timers --db h2|postgresql --flows 20000 --threads 4 --call none|jvm|process
 * --instances 1 --ceiling on|off
 * --timers 10000 --workers 4 --url http://localhost:8080/ipa/api --user admin:admin</pre>
 */
public final class FlowBenchmark {

    static final String DEFINITION = """
            { "name": "Bench10", "startState": "S",
              "variables": [ { "name": "A", "type": "Integer", "initial": 1 }, { "name": "B", "type": "Decimal", "initial": 0 },
                             { "name": "C", "type": "String" } ],
              "states": [ { "name": "S", "actions": [
                { "type": "UpdateVariables", "assignments": [ { "variable": "A", "value": "${A + 1}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "B", "value": "${B + A * 2}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "C", "value": "step ${A}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "A", "value": "${A * 3}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "B", "value": "${B / 2}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "C", "value": "${C += '!'}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "A", "value": "${A - 1}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "B", "value": "${B + 1.5}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "C", "value": "${ipa:upper(C)}" } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "A", "value": "${A + 100}" } ] }
              ] } ] }
            """;

    /** The same flow, a RunHandler of the echo handler first. */
    static final String CALLING = DEFINITION.replace("\"Bench10\"", "\"Bench10Call\"").replace("\"actions\": [",
            "\"actions\": [ { \"type\": \"RunHandler\", \"handler\": \"echo\", \"inputs\": { \"A\": \"${A}\" }, "
                    + "\"outputs\": { \"A\": \"A\" } },");

    /** The same flow, a RunHandler of the score-applicant worker process first. */
    static final String WORKER = DEFINITION.replace("\"Bench10\"", "\"Bench10Worker\"").replace("\"actions\": [",
            "\"actions\": [ { \"type\": \"RunHandler\", \"handler\": \"score-applicant\", "
                    + "\"inputs\": { \"CreditScore\": \"700\", \"LoanAmount\": \"${A * 1000}\" }, "
                    + "\"outputs\": { \"Score\": \"A\" } },");

    /** A work item to the client's own workgroup; its Approve button ends the flow. */
    static final String REVIEW = """
            { "name": "BenchReview", "startState": "S",
              "variables": [ { "name": "Desk", "type": "String" }, { "name": "Amount", "type": "Decimal", "initial": 900 },
                             { "name": "Note", "type": "String" }, { "name": "Outcome", "type": "String" } ],
              "forms": [ { "name": "Check", "description": "Check ${Amount}",
                "fields": [ { "name": "amount", "variable": "Amount", "readOnly": true },
                            { "name": "note", "variable": "Note", "required": true } ],
                "buttons": [ { "name": "Approve" }, { "name": "Deny" } ] } ],
              "states": [ { "name": "S", "actions": [
                { "type": "SendWorkItemToWorkgroup", "form": "Check", "workgroup": "${Desk}",
                  "exits": { "Approve": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Outcome", "value": "approved" } ] } ] } } ] } ] }
            """;

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var mode = options.getOrDefault("mode", "inprocess");
        int flows = Integer.parseInt(options.getOrDefault("flows", "20000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        SqlCount.install();
        if (mode.equals("reports")) {
            ReportBenchmark.run(options);
            return;
        }
        int instances = Integer.parseInt(options.getOrDefault("instances", "1"));
        if (mode.equals("inprocess") && instances > 1) {
            InstancesBenchmark.run(options, instances);
            return;
        }
        // over HTTP the server's database is told by --db (the ceiling is measured on the same server)
        boolean ceiling = !options.getOrDefault("ceiling", "on").equals("off");
        if (ceiling && (!mode.equals("http") || options.containsKey("db"))) {
            CommitCeiling.of(options.getOrDefault("db", "h2")).print(options.getOrDefault("db", "h2"),
                    Math.max(threads, 4), 3000);
        }
        if (mode.equals("http")) {
            http(options, flows, threads);
        } else if (mode.equals("workitems")) {
            workItems(options.getOrDefault("db", "h2"), flows, threads);
        } else if (mode.equals("timers")) {
            TimerBenchmark.run(options);
        } else if (mode.equals("soak")) {
            SoakBenchmark.run(options);
        } else {
            inProcess(options, flows, threads);
        }
    }

    static LocalStore store(String db) {
        return switch (db) {
            case "postgresql" -> LocalStore.postgresql(postgresqlUrl() + "?ApplicationName=" + CpuMeter.APPLICATION,
                    "postgres", "");
            case "h2mem" -> LocalStore.h2InMemory(); // the engine's own cost, without file I/O
            // the embedded default's settings: commits reach the OS at once (see configure-domain.sh)
            default -> LocalStore.h2("jdbc:h2:file:./target/bench/ipa-" + System.nanoTime() + ";WRITE_DELAY=0");
        };
    }

    static String postgresqlUrl() {
        return System.getProperty("ipa.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static CpuMeter cpu(String db) {
        return new CpuMeter(db.equals("postgresql") ? postgresqlUrl() : null);
    }

    /**
     * One unit: launch a flow that sends a work item to the client's workgroup (routed to its one
     * available member), find it in the member's list, pick it up, complete it with a button; the
     * flow ends. Four transactions, as four REST calls would make them.
     */
    private static void workItems(String db, int units, int threads) throws Exception {
        try (var store = store(db)) {
            var clock = Clock.systemUTC();
            var catalog = new DefinitionCatalog(new Expressions());
            var router = new org.ipaserver.workitem.WorkItemRouter(clock);
            var engine = new FlowEngine(catalog, clock, "bench", 10, router);
            var desk = new org.ipaserver.workitem.WorkItemDesk(engine, catalog, clock, router);
            store.run(em -> catalog.publish(em, REVIEW, "bench", java.time.Instant.now()));
            var desks = new AtomicInteger();
            var member = ThreadLocal.withInitial(() -> {
                var user = "bench" + desks.incrementAndGet();
                store.run(em -> {
                    var routing = org.ipaserver.routing.RoutingServices.asAdmin(em, (e, users) -> Map.of(), change -> { });
                    routing.saveWorkgroup("Desk-" + user, null, java.util.List.of(user));
                    routing.setLicence(user, "GROUP_ROUTED");
                    routing.setPresence(user, "available");
                });
                return user;
            });
            var note = Map.<String, jakarta.json.JsonValue>of("note", jakarta.json.Json.createValue("looks fine"));
            var steps = new java.util.concurrent.atomic.LongAdder[] {new java.util.concurrent.atomic.LongAdder(),
                new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder(),
                new java.util.concurrent.atomic.LongAdder()};
            Callable<Void> unit = () -> {
                var user = member.get();
                var caller = org.ipaserver.security.Caller.named(user);
                long t0 = System.nanoTime();
                store.run(em -> engine.launch(em, "BenchReview", null,
                        Map.of("Desk", jakarta.json.Json.createValue("Desk-" + user)), "bench"));
                long t1 = System.nanoTime();
                var items = store.inTransaction(em -> desk.mine(em, caller));
                long t2 = System.nanoTime();
                if (items.size() != 1) {
                    throw new IllegalStateException(user + " holds " + items.size() + " work items, not 1");
                }
                var id = items.get(0).id();
                store.run(em -> desk.pickUp(em, id, caller, null));
                long t3 = System.nanoTime();
                store.run(em -> desk.complete(em, id, caller, "Approve", note, null));
                long t4 = System.nanoTime();
                steps[0].add(t1 - t0);
                steps[1].add(t2 - t1);
                steps[2].add(t3 - t2);
                steps[3].add(t4 - t3);
                return null;
            };
            var label = "work items " + db + " (launch, find, pick up, complete)";
            measure(label, Math.max(1000, units / 4), threads, unit); // warm-up
            store.analyze();
            java.util.Arrays.stream(steps).forEach(java.util.concurrent.atomic.LongAdder::reset);
            var before = SqlCount.now();
            var cpu = cpu(db);
            cpu.start();
            System.out.println(measure(label, units, threads, unit).replace(" flows", " units"));
            System.out.println(cpu.per(units, "unit"));
            System.out.println(SqlCount.now().since(before).per(units, "unit") + ", 4 transactions");
            System.out.printf("mean ms a step: launch %.2f, find %.2f, pick up %.2f, complete %.2f%n",
                    steps[0].sum() / 1e6 / units, steps[1].sum() / 1e6 / units, steps[2].sum() / 1e6 / units,
                    steps[3].sum() / 1e6 / units);
            System.out.println("rows: flowexec_Flows=" + store.count("flowexec_Flows") + " flowexec_Storage="
                    + store.count("flowexec_Storage") + " ipa_WorkItems=" + store.count("ipa_WorkItems")
                    + " (view flowexec_Completion: " + store.count("flowexec_Completion") + ")");
        }
    }

    private static void inProcess(Map<String, String> options, int flows, int threads) throws Exception {
        var db = options.getOrDefault("db", "h2");
        var call = options.getOrDefault("call", "none");
        try (var store = store(db)) {
            var catalog = new DefinitionCatalog(new Expressions());
            var requests = new ThreadLocal<org.ipaserver.flow.CallRequest>();
            var engine = new FlowEngine(catalog, Clock.systemUTC(), new org.ipaserver.flow.FlowOwner("bench", 0), 10,
                    new org.ipaserver.workitem.WorkItemRouter(Clock.systemUTC()), requests::set);
            var calling = !call.equals("none");
            var process = call.equals("process");
            var echo = new org.ipaserver.handler.spi.EchoHandler();
            var launcher = new org.ipaserver.handler.worker.WorkerLauncher(Executors.newCachedThreadPool(r -> {
                var thread = new Thread(r);
                thread.setDaemon(true);
                return thread;
            }), java.time.Duration.ofSeconds(2));
            var program = java.nio.file.Path.of("../handlers/score-applicant").toAbsolutePath();
            var workers = ThreadLocal.withInitial(() -> launcher.start("score-applicant", program));
            store.run(em -> catalog.publish(em, process ? WORKER : calling ? CALLING : DEFINITION, "bench",
                    java.time.Instant.now()));
            var name = process ? "Bench10Worker" : calling ? "Bench10Call" : "Bench10";
            Callable<Void> launch = () -> {
                store.run(em -> engine.launch(em, name, null, Map.of(), "bench"));
                if (calling) { // as the server does it: after the commit, outside any transaction
                    var request = requests.get();
                    var inputs = new HashMap<String, String>();
                    request.inputs().forEach((k, v) -> inputs.put(k, String.valueOf(v)));
                    var answer = process ? workers.get().call(new org.ipaserver.handler.HandlerRequest(
                            "score-applicant", inputs, java.time.Duration.ofSeconds(10), request.flowId(),
                            request.idempotencyKey())) : echo.run(inputs);
                    var result = new org.ipaserver.action.CallResult(answer.exitPath(), answer.outputs(), null);
                    store.run(em -> engine.callEnded(em, request.flowId(), request.number(), result));
                }
                return null;
            };
            var label = "in-process " + db + (process ? " + worker-process handler call"
                    : calling ? " + in-JVM handler call" : "");
            measure(label, Math.max(5000, flows / 4), threads, launch); // warm-up: JIT, pools, caches
            store.analyze();
            var before = SqlCount.now();
            var cpu = cpu(db);
            cpu.start();
            var result = measured(label, flows, threads, launch);
            var statements = SqlCount.now().since(before);
            var used = cpu.per(flows, "flow");
            launcher.stopAll();
            System.out.println(result);
            System.out.println(used);
            if (options.containsKey("window")) { // for InstancesBenchmark
                System.out.println("window " + result.startedMillis() + " " + result.endedMillis());
            }
            System.out.println(statements.per(flows, "flow"));
            System.out.println("rows: flowexec_Flows=" + store.count("flowexec_Flows") + " flowexec_Storage="
                    + store.count("flowexec_Storage") + " (view flowexec_Completion: "
                    + store.count("flowexec_Completion") + ")");
        }
    }

    /** Requests to a running server, flat out or at a fixed rate: see {@link HttpBenchmark}. */
    private static void http(Map<String, String> options, int flows, int threads) throws Exception {
        new HttpBenchmark(options).run(options, flows, threads);
    }

    /** Runs {@code count} calls on {@code threads} threads; the result line has flows/s, p50, p99. */
    static String measure(String label, int count, int threads, Callable<Void> call) throws Exception {
        return measured(label, count, threads, call).toString();
    }

    /** One measured run: its rate, and the p50/p99 of a call. */
    record Measured(String label, int count, int threads, double perSecond, double p50Millis, double p99Millis,
                    int failures, long startedMillis, long endedMillis) {
        @Override
        public String toString() {
            return String.format("%s: %d flows, %d threads, %.0f flows/s, p50 %.2f ms, p99 %.2f ms, failures %d",
                    label, count, threads, perSecond, p50Millis, p99Millis, failures);
        }
    }

    static Measured measured(String label, int count, int threads, Callable<Void> call) throws Exception {
        var latencies = new long[count];
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long startedMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    try {
                        call.call();
                    } catch (Exception e) {
                        if (failures.incrementAndGet() == 1) {
                            e.printStackTrace();
                        }
                    }
                    latencies[i] = System.nanoTime() - begin;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Measured(label, count, threads, count / seconds, latencies[count / 2] / 1e6,
                latencies[(int) (count * 0.99)] / 1e6, failures.get(), startedMillis, System.currentTimeMillis());
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
