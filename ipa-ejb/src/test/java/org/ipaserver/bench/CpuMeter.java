package org.ipaserver.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU a run costs: this JVM's, and that of the PostgreSQL backends serving its connections
 * (found by their application_name, read from /proc on this machine). On a machine shared with
 * other work, flows/s moves with the load while CPU per flow does not; with two cores for the JVM
 * and the database, 2 s / (CPU per flow) bounds flows/s.
 */
final class CpuMeter {

    /** Tells this benchmark's PostgreSQL connections from everyone else's. */
    static final String APPLICATION = "ipa-bench-" + ProcessHandle.current().pid();

    private final String url;
    private long jvmStart;
    private Map<Integer, Long> backendsStart = Map.of();

    /** @param url PostgreSQL's URL, or null for a database inside this JVM (H2) */
    CpuMeter(String url) {
        this.url = url;
    }

    void start() {
        jvmStart = jvmNanos();
        backendsStart = backends();
    }

    /** "CPU a flow: JVM 0.41 ms, PostgreSQL backends 0.32 ms" over {@code units} since {@link #start}. */
    String per(long units, String unit) {
        double jvm = (jvmNanos() - jvmStart) / 1e6 / units;
        if (url == null) {
            return String.format(Locale.ROOT, "CPU a %s: JVM %.3f ms (the database runs inside it)", unit, jvm);
        }
        long ticks = 0;
        for (var backend : backends().entrySet()) {
            ticks += backend.getValue() - backendsStart.getOrDefault(backend.getKey(), 0L);
        }
        return String.format(Locale.ROOT, "CPU a %s: JVM %.3f ms, PostgreSQL backends %.3f ms", unit, jvm,
                ticks * 10.0 / units); // Linux counts 100 ticks a second
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Backend pid to its CPU so far, in ticks. */
    private Map<Integer, Long> backends() {
        var ticks = new HashMap<Integer, Long>();
        if (url == null) {
            return ticks;
        }
        try (var connection = DriverManager.getConnection(url, "postgres", "");
             var query = connection.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, APPLICATION);
            var rows = query.executeQuery();
            while (rows.next()) {
                ticks.put(rows.getInt(1), cpuTicks(rows.getInt(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ticks;
    }

    /** The CPU ticks so far of the PostgreSQL backend behind this connection; 0 for other databases. */
    static long backendTicks(java.sql.Connection connection) {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            return rows.next() ? cpuTicks(rows.getInt(1)) : 0;
        } catch (SQLException e) {
            return 0; // not PostgreSQL
        }
    }

    /**
     * The whole machine's CPU since {@code since} (from /proc/stat): how busy its cores were and the
     * CPU all its processes spent a unit (client, servers and database together), or "" where
     * /proc/stat cannot be read. Tells whether a run was bound by the machine's cores.
     */
    static String machine(long[] since, long units, String unit) {
        var now = machineTicks();
        if (since.length == 0 || now.length == 0) {
            return "";
        }
        long busy = now[0] - since[0];
        long all = busy + now[1] - since[1];
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "machine: %d cores %.0f%% busy, %.2f ms of CPU a %s in all processes",
                cores, all == 0 ? 0 : 100.0 * busy / all, busy * 10.0 / units, unit);
    }

    /** The machine's busy and idle (with I/O wait) ticks so far, or an empty array off Linux. */
    static long[] machineTicks() {
        try {
            var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) { // user .. steal; guests are inside user
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
            }
            return new long[] {busy, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/pid/stat, after the command in parentheses). */
    private static long cpuTicks(int pid) {
        try {
            var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // not on this machine, or gone
        }
    }
}
