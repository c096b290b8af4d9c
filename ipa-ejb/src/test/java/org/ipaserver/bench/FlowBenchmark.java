package org.ipaserver.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
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
 * goes through the REST API of a running server.
 *
 * With {@code --call jvm} each flow first runs a RunHandler of the in-JVM echo handler, with
 * {@code --call process} one of the handlers/score-applicant worker process (one live worker a
 * client thread, as the connector's pool keeps them): the launch commits "calling", the handler
 * runs outside the transaction, its answer commits the rest.
 * {@code --mode workitems} runs N work-item units (launch, find in my list, pick up, complete with a
 * button: the flow ends), each client thread a member of its own workgroup.
 * {@code --mode timers} fires N due timers with W workers (lease, then one transaction each) and
 * prints timers/s.
 *
 * <pre>--mode inprocess|http|workitems|timers --db h2|postgresql --flows 20000 --threads 4 --call none|jvm|process
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

    static final String TIMER = """
            { "name": "BenchTimer", "startState": "S", "variables": [ { "name": "A", "type": "Integer", "initial": 1 } ],
              "states": [ { "name": "S", "actions": [ { "type": "Wait", "duration": "PT0S" },
                { "type": "UpdateVariables", "assignments": [ { "variable": "A", "value": "${A + 1}" } ] } ] } ] }
            """;

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
        if (mode.equals("http")) {
            http(options, flows, threads);
        } else if (mode.equals("workitems")) {
            workItems(options.getOrDefault("db", "h2"), flows, threads);
        } else if (mode.equals("timers")) {
            timers(options.getOrDefault("db", "h2"), Integer.parseInt(options.getOrDefault("timers", "10000")),
                    Integer.parseInt(options.getOrDefault("workers", "4")));
        } else {
            inProcess(options.getOrDefault("db", "h2"), flows, threads, options.getOrDefault("call", "none"));
        }
    }

    private static LocalStore store(String db) {
        return switch (db) {
            case "postgresql" -> LocalStore.postgresql(System.getProperty("ipa.test.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test"), "postgres", "");
            case "h2mem" -> LocalStore.h2InMemory(); // the engine's own cost, without file I/O
            // the embedded default's settings: commits reach the OS at once (see configure-domain.sh)
            default -> LocalStore.h2("jdbc:h2:file:./target/bench/ipa-" + System.nanoTime() + ";WRITE_DELAY=0");
        };
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
            java.util.Arrays.stream(steps).forEach(java.util.concurrent.atomic.LongAdder::reset);
            System.out.println(measure(label, units, threads, unit).replace(" flows", " units"));
            System.out.printf("mean ms a step: launch %.2f, find %.2f, pick up %.2f, complete %.2f%n",
                    steps[0].sum() / 1e6 / units, steps[1].sum() / 1e6 / units, steps[2].sum() / 1e6 / units,
                    steps[3].sum() / 1e6 / units);
            System.out.println("rows: flowexec_Completion=" + store.count("flowexec_Completion")
                    + " ipa_WorkItems=" + store.count("ipa_WorkItems"));
        }
    }

    /** Due timers fired the way the server's workers fire them: leased in batches, one transaction each. */
    private static void timers(String db, int count, int workers) throws Exception {
        try (var store = store(db)) {
            var catalog = new DefinitionCatalog(new Expressions());
            var engine = new FlowEngine(catalog, Clock.systemUTC(), "bench", 10,
                    new org.ipaserver.workitem.WorkItemRouter(Clock.systemUTC()));
            store.run(em -> catalog.publish(em, TIMER, "bench", java.time.Instant.now()));
            for (int round = 0; round < 2; round++) { // the first round warms up
                int n = round == 0 ? Math.min(2000, count) : count;
                measure("launching " + n + " timers", n, 4, () -> {
                    store.run(em -> engine.launch(em, "BenchTimer", null, Map.of(), "bench"));
                    return null;
                });
                var pool = Executors.newFixedThreadPool(workers);
                var fired = new AtomicInteger();
                long start = System.nanoTime();
                while (true) {
                    var jobs = store.inTransaction(em -> engine.claimDueJobs(em, workers * 100,
                            java.time.Duration.ofMinutes(1)));
                    if (jobs.isEmpty()) {
                        break;
                    }
                    var done = new java.util.concurrent.CountDownLatch(jobs.size());
                    for (var job : jobs) {
                        pool.execute(() -> {
                            try {
                                if (store.inTransaction(em -> engine.resumeTimer(em, job.flowId()))) {
                                    fired.incrementAndGet();
                                }
                            } finally {
                                done.countDown();
                            }
                        });
                    }
                    done.await();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                if (round == 1) {
                    System.out.printf("timers %s: %d fired with %d workers in %.2f s: %.0f timers/s%n", db,
                            fired.get(), workers, seconds, fired.get() / seconds);
                }
            }
        }
    }

    private static void inProcess(String db, int flows, int threads, String call) throws Exception {
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
            var result = measure(label, flows, threads, launch);
            launcher.stopAll();
            System.out.println(result);
            long completed = store.count("flowexec_Completion");
            System.out.println("rows: flowexec_Flows=" + store.count("flowexec_Flows") + " flowexec_Storage="
                    + store.count("flowexec_Storage") + " flowexec_Completion=" + completed);
        }
    }

    private static void http(Map<String, String> options, int flows, int threads) throws Exception {
        var base = options.getOrDefault("url", "http://localhost:8080/ipa/api");
        var auth = "Basic " + Base64.getEncoder().encodeToString(options.getOrDefault("user", "admin:admin")
                .getBytes(StandardCharsets.UTF_8));
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // no h2c upgrade attempts
        var exists = client.send(HttpRequest.newBuilder(URI.create(base + "/definitions/Bench10"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (exists.statusCode() == 404) {
            var published = client.send(HttpRequest.newBuilder(URI.create(base + "/definitions"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(DEFINITION)).build(), HttpResponse.BodyHandlers.ofString());
            if (published.statusCode() != 201) {
                throw new IllegalStateException("publishing Bench10 failed: " + published.statusCode() + " "
                        + published.body());
            }
        }
        var launch = HttpRequest.newBuilder(URI.create(base + "/flows")).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"definition\":\"Bench10\"}")).build();
        Callable<Void> call = () -> {
            var response = client.send(launch, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("launch answered " + response.statusCode());
            }
            return null;
        };
        measure("http", Math.max(200, flows / 10), threads, call);
        System.out.println(measure("http " + base, flows, threads, call));
    }

    /** Runs {@code count} calls on {@code threads} threads; the result line has flows/s, p50, p99. */
    static String measure(String label, int count, int threads, Callable<Void> call) throws Exception {
        var latencies = new long[count];
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
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
        return String.format("%s: %d flows, %d threads, %.0f flows/s, p50 %.2f ms, p99 %.2f ms, failures %d",
                label, count, threads, count / seconds, latencies[count / 2] / 1e6,
                latencies[(int) (count * 0.99)] / 1e6, failures.get());
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
