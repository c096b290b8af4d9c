package org.ipaserver.bench;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's {@code http} mode: one kind of request to the REST API of a running server,
 * either flat out from C client threads (requests/s, p50, p99) or, with {@code --rate R}, as an
 * open loop: request i is due at start + i/R whether or not the earlier ones have been answered,
 * and its latency counts from when it was due, so that time spent queueing (in the client or the
 * server) is part of it.
 *
 * <pre>--request launch|flow|workitems --rate R --senders 64 --url http://localhost:8080/ipa/api --user admin:admin
 * --analyze jdbc:postgresql://127.0.0.1:5432/ipa</pre>
 * {@code launch} posts a launch of Bench10 (answered 201 with the flow's summary), to each
 * instance in turn when {@code --url} lists several (a cluster's, comma-separated), {@code flow}
 * reads one of 100 flows launched first, {@code workitems} lists the user's work items (10, sent
 * by the BenchInbox process first). {@code --senders} threads send in the open loop (a request
 * waits for a free one, and that wait counts).
 *
 * <p>The client is the JDK's {@link HttpURLConnection} with its keep-alive connections: it shares
 * the machine's cores with the server, and {@code java.net.http.HttpClient} spent 0.8-1.0 ms of
 * CPU a request here (about 0.4 ms with this one), which the server then lacked.
 */
final class HttpBenchmark {

    static final String INBOX = """
            { "name": "BenchInbox", "startState": "S", "variables": [ { "name": "Note", "type": "String" } ],
              "forms": [ { "name": "Check", "description": "Bench item",
                "fields": [ { "name": "note", "variable": "Note" } ], "buttons": [ { "name": "Done" } ] } ],
              "states": [ { "name": "S", "actions": [ { "type": "SendWorkItemToUser", "form": "Check", "user": "%s" } ] } ] }
            """;

    /** A request the benchmark sends again and again. */
    private record Request(String method, String url, byte[] body) {
    }

    /** What came back: the body only where asked for. */
    private record Answer(int status, String body, String location) {
    }

    private static final int WARM_UP_REQUESTS = 5000;
    private static final int WARM_UP_ROUNDS = 20;
    private final String base;
    /** Every instance's API, when {@code --url} lists several (a cluster): launches go round them. */
    private final List<String> bases;
    private final String user;
    private final String auth;

    HttpBenchmark(Map<String, String> options) {
        // idle connections the JDK keeps per server: one for each sender of the open loop
        System.setProperty("http.maxConnections", options.getOrDefault("senders", "64"));
        bases = List.of(options.getOrDefault("url", "http://localhost:8080/ipa/api").split(","));
        base = bases.get(0);
        var credentials = options.getOrDefault("user", "admin:admin");
        user = credentials.substring(0, credentials.indexOf(':'));
        auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    void run(Map<String, String> options, int count, int threads) throws Exception {
        var kind = options.getOrDefault("request", "launch");
        var call = switch (kind) {
            case "launch" -> launches();
            case "flow" -> flowReads();
            case "workitems" -> workItemLists();
            default -> throw new IllegalArgumentException("--request must be launch, flow or workitems, not " + kind);
        };
        var label = "http " + kind + " " + String.join(",", bases);
        warmUp(label, threads, call);
        if (options.containsKey("analyze")) {
            analyze(options.get("analyze"));
        }
        long cpu = cpuNanos();
        var machine = CpuMeter.machineTicks();
        String result;
        if (options.containsKey("rate")) {
            result = atRate(label, count, Double.parseDouble(options.get("rate")),
                    Integer.parseInt(options.getOrDefault("senders", "64")), call);
        } else {
            result = FlowBenchmark.measure(label, count, threads, call).replace(" flows", " requests");
        }
        System.out.println(result);
        System.out.printf("client CPU %.2f ms a request (this JVM; the server shares the machine)%n",
                (cpuNanos() - cpu) / 1e6 / count);
        System.out.println(CpuMeter.machine(machine, count, "request"));
    }

    /**
     * Until the server's rate stops rising: Payara's JIT compiles its request path for tens of
     * thousands of requests (measured here: its compiler threads took 40% of a core during a
     * second run of 20,000 launches, 4-7% during the next two), and a measure taken before then is of the
     * compiler, not of the server as it runs for days. Ends after two rounds in a row that were not
     * faster than the best one before.
     */
    private static void warmUp(String label, int threads, Callable<Void> call) throws Exception {
        var rates = new ArrayList<String>();
        double best = 0;
        int flat = 0; // rounds in a row that did not beat the best by 2%: two end the warm-up
        for (int round = 0; round < WARM_UP_ROUNDS && flat < 2; round++) {
            double rate = FlowBenchmark.measured(label, WARM_UP_REQUESTS, threads, call).perSecond();
            rates.add(String.format("%.0f", rate));
            flat = rate < best * 1.02 ? flat + 1 : 0;
            best = Math.max(best, rate);
        }
        System.out.printf("warm-up: rounds of %d requests at %s requests/s%n", WARM_UP_REQUESTS,
                String.join(", ", rates));
    }

    /**
     * Gathers the statistics of the server's PostgreSQL database, as autovacuum does on a growing table
     * (it is off on the test server here): without them the planner takes a fresh table for a small
     * one, and the server's report pass read every completed flow's index entry at each page (about
     * 100 ms a page on 750,000 flows, where it takes 2 ms with statistics).
     */
    private static void analyze(String url) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(url,
                System.getProperty("ipa.test.postgresql.user", "postgres"),
                System.getProperty("ipa.test.postgresql.password", ""));
             var statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
        System.out.println("analyzed the server's database " + url);
    }

    private Callable<Void> launches() throws Exception {
        publishOnce("Bench10", FlowBenchmark.DEFINITION);
        var launches = bases.stream().map(url -> post(url, "flows", "{\"definition\":\"Bench10\"}")).toList();
        var next = new AtomicInteger();
        return () -> {
            var launch = launches.get(Math.floorMod(next.getAndIncrement(), launches.size()));
            expect(201, send(launch, false), "launch");
            return null;
        };
    }

    private Callable<Void> flowReads() throws Exception {
        publishOnce("Bench10", FlowBenchmark.DEFINITION);
        var reads = new ArrayList<Request>();
        for (int i = 0; i < 100; i++) {
            var launched = send(post("flows", "{\"definition\":\"Bench10\"}"), false);
            expect(201, launched, "launch");
            reads.add(get(launched.location()));
        }
        var next = new AtomicInteger();
        return () -> {
            var read = reads.get(Math.floorMod(next.getAndIncrement(), reads.size()));
            expect(200, send(read, false), "flow read");
            return null;
        };
    }

    private Callable<Void> workItemLists() throws Exception {
        publishOnce("BenchInbox", INBOX.formatted(user));
        var list = get(base + "/workitems");
        var held = send(list, true).body().split("\"flowId\"").length - 1;
        for (int i = held; i < 10; i++) {
            expect(201, send(post("flows", "{\"definition\":\"BenchInbox\"}"), false), "launch");
        }
        return () -> {
            expect(200, send(list, false), "work-item list");
            return null;
        };
    }

    /**
     * Open loop: {@code senders} threads take the requests in order, each sends its request when it
     * is due (or as soon as it is free, if later), and the latency runs from when it was due.
     */
    static String atRate(String label, int count, double rate, int senders, Callable<Void> call) throws Exception {
        var latencies = new long[count];
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        var latestStart = new AtomicLong(); // how late the latest send left: the client's own queueing
        long interval = (long) (1e9 / rate);
        var pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int t = 0; t < senders; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    latestStart.accumulateAndGet(System.nanoTime() - due, Math::max);
                    try {
                        call.call();
                    } catch (Exception e) {
                        if (failures.incrementAndGet() == 1) {
                            e.printStackTrace();
                        }
                    }
                    latencies[i] = System.nanoTime() - due;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return String.format("%s: %d requests due at %.0f/s, %.0f/s answered, %d senders, p50 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms (from when due), latest send %.2f ms late, failures %d", label, count, rate,
                count / seconds, senders, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6,
                latencies[count - 1] / 1e6, latestStart.get() / 1e6, failures.get());
    }

    private void publishOnce(String name, String definition) throws Exception {
        if (send(get(base + "/definitions/" + name), false).status() == 404) {
            var published = send(post("definitions", definition), true);
            if (published.status() != 201) {
                throw new IllegalStateException("publishing " + name + " failed: " + published.status() + " "
                        + published.body());
            }
        }
    }

    private Request post(String path, String body) {
        return post(base, path, body);
    }

    private static Request post(String url, String path, String body) {
        return new Request("POST", url + "/" + path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Request get(String url) {
        return new Request("GET", url, null);
    }

    /** Reads the whole answer, even unwanted, so that its connection goes back to the keep-alive cache. */
    private Answer send(Request request, boolean keepBody) throws IOException {
        var connection = (HttpURLConnection) URI.create(request.url()).toURL().openConnection();
        connection.setRequestMethod(request.method());
        connection.setRequestProperty("Authorization", auth);
        if (request.body() != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(request.body().length);
            try (var out = connection.getOutputStream()) {
                out.write(request.body());
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            var body = in == null ? new byte[0] : in.readAllBytes();
            return new Answer(status, keepBody || status >= 400 ? new String(body, StandardCharsets.UTF_8) : null,
                    connection.getHeaderField("Location"));
        }
    }

    private static void expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + " " + answer.body());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
