package org.ipaserver.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code --mode inprocess --instances K}: K in-process engines launching at the same time, each in
 * a JVM of its own with its own connections, as K instances of a cluster load one database server.
 * Each takes a schema of its own ({@code LocalStore}), so that they share the server and its WAL
 * but not a table. Prints the database's commit ceiling once, then each instance's line and their
 * sum: all the flows measured over the span from the first instance's start to the last one's end
 * (the instances warm up alike, so their measured runs overlap; the span says how much).
 */
final class InstancesBenchmark {

    private static final Pattern RATE = Pattern.compile(": (\\d+) flows, .* ([0-9.]+) flows/s, p50 ([0-9.]+) ms, p99 ([0-9.]+) ms");

    private InstancesBenchmark() {
    }

    static void run(Map<String, String> options, int instances) throws Exception {
        var db = options.getOrDefault("db", "h2");
        if (!db.equals("postgresql")) {
            throw new IllegalArgumentException("--instances needs --db postgresql: H2 embedded is one JVM's database");
        }
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        CommitCeiling.of(db).print(db, Math.max(threads * instances, 4), 3000);
        var running = new ArrayList<Process>();
        var outputs = new ArrayList<List<String>>();
        var readers = new ArrayList<Thread>();
        for (int i = 0; i < instances; i++) {
            var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                    "-cp", System.getProperty("java.class.path"), FlowBenchmark.class.getName()));
            options.forEach((name, value) -> {
                if (!name.equals("instances") && !name.equals("ceiling")) {
                    command.addAll(List.of("--" + name, value));
                }
            });
            command.addAll(List.of("--ceiling", "off", "--window", "on"));
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var lines = java.util.Collections.synchronizedList(new ArrayList<String>());
            var reader = new Thread(() -> read(process, lines));
            reader.start();
            running.add(process);
            outputs.add(lines);
            readers.add(reader);
        }
        long flows = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        long latestStart = 0;
        long earliestEnd = Long.MAX_VALUE;
        for (int i = 0; i < instances; i++) {
            int exit = running.get(i).waitFor();
            readers.get(i).join();
            var lines = outputs.get(i);
            if (exit != 0) {
                lines.forEach(System.out::println);
                throw new IllegalStateException("instance " + (i + 1) + " failed (exit " + exit + ")");
            }
            for (var line : lines) {
                var rate = RATE.matcher(line);
                if (line.startsWith("window ")) {
                    var window = line.split(" ");
                    long start = Long.parseLong(window[1]);
                    long end = Long.parseLong(window[2]);
                    first = Math.min(first, start);
                    last = Math.max(last, end);
                    latestStart = Math.max(latestStart, start);
                    earliestEnd = Math.min(earliestEnd, end);
                } else if (rate.find()) {
                    flows += Long.parseLong(rate.group(1));
                    System.out.println("instance " + (i + 1) + " " + line);
                } else if (line.startsWith("CPU a flow")) {
                    System.out.println("instance " + (i + 1) + " " + line);
                }
            }
        }
        double span = (last - first) / 1000.0;
        System.out.printf(Locale.ROOT, "%d instances at once: %d flows in %.1f s, %.0f flows/s in all "
                        + "(all of them ran together for %.0f%% of that span)%n", instances, flows, span, flows / span,
                100.0 * Math.max(0, earliestEnd - latestStart) / Math.max(1, last - first));
    }

    private static void read(Process process, List<String> lines) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output lost: " + e.getMessage() + ")");
        }
    }
}
