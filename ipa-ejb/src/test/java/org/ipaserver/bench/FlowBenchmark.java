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
import org.ipaserver.definition.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.store.LocalStore;

/**
 * Launches N straight-through flows of 10 UpdateVariables steps with C concurrent clients and
 * prints flows/s, p50 and p99 of one launch. Two paths: {@code inprocess} drives the plain-Java
 * engine on the database directly (one transaction per flow, as in the server); {@code http}
 * goes through the REST API of a running server.
 *
 * <pre>--mode inprocess|http --db h2|postgresql --flows 20000 --threads 4
 * --url http://localhost:8080/ipa/api --user admin:admin</pre>
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

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var mode = options.getOrDefault("mode", "inprocess");
        int flows = Integer.parseInt(options.getOrDefault("flows", "20000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        if (mode.equals("http")) {
            http(options, flows, threads);
        } else {
            inProcess(options.getOrDefault("db", "h2"), flows, threads);
        }
    }

    private static void inProcess(String db, int flows, int threads) throws Exception {
        try (var store = switch (db) {
            case "postgresql" -> LocalStore.postgresql(System.getProperty("ipa.test.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test"), "postgres", "");
            case "h2mem" -> LocalStore.h2InMemory(); // the engine's own cost, without file I/O
            // the embedded default's settings: commits reach the OS at once (see configure-domain.sh)
            default -> LocalStore.h2("jdbc:h2:file:./target/bench/ipa-" + System.nanoTime() + ";WRITE_DELAY=0");
        }) {
            var catalog = new DefinitionCatalog(new Expressions());
            var engine = new FlowEngine(catalog, Clock.systemUTC(), "bench", 10,
                    new org.ipaserver.workitem.WorkItemRouter(Clock.systemUTC()));
            store.run(em -> catalog.publish(em, DEFINITION, "bench", java.time.Instant.now()));
            Callable<Void> launch = () -> {
                store.run(em -> engine.launch(em, "Bench10", null, Map.of(), "bench"));
                return null;
            };
            measure("in-process " + db, Math.max(5000, flows / 4), threads, launch); // warm-up: JIT, pools, caches
            var result = measure("in-process " + db, flows, threads, launch);
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
