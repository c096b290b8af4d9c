package org.ipaserver.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The database's commit ceiling, measured beside the benchmark's own figures so that each result is
 * a ratio taken in one run: one single-row INSERT per transaction (what pgbench measures with a
 * one-statement insert script), for a few seconds, with 1 and with C clients on their own
 * connections. No engine can commit more flows per second than this with one commit each.
 *
 * <p>That INSERT commits by itself (autocommit): one round trip to the database. A JPA transaction
 * sends its INSERT, then its COMMIT: two round trips, whose socket writes and reads took 45% of the
 * in-process benchmark's worker CPU on PostgreSQL here (the engine's own work 17%). The same INSERT
 * in such a transaction is
 * measured too, with C clients, as the ceiling of any engine that commits through JPA.
 */
final class CommitCeiling {

    private final String url;
    private final String user;
    private final String password;

    private CommitCeiling(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static CommitCeiling of(String db) {
        return switch (db) {
            case "postgresql" -> new CommitCeiling(FlowBenchmark.postgresqlUrl() + "?ApplicationName="
                    + CpuMeter.APPLICATION, "postgres", "");
            case "h2mem" -> new CommitCeiling("jdbc:h2:mem:ceiling;DB_CLOSE_DELAY=-1", "sa", "");
            default -> new CommitCeiling("jdbc:h2:file:./target/bench/ceiling-" + System.nanoTime()
                    + ";WRITE_DELAY=0", "sa", "");
        };
    }

    /** The ids each client of a run inserts from, apart from the others' (and each run's from the others'). */
    private static final long CLIENT_IDS = 100_000_000L;
    private static final long RUN_IDS = 1_000 * CLIENT_IDS;

    /** Prints one line: single-row commits per second with 1 client and with {@code clients}. */
    void print(String db, int clients, long millis) throws Exception {
        var table = "bench_ceiling_" + System.nanoTime();
        try (var connection = connect()) {
            connection.createStatement().execute("CREATE TABLE " + table
                    + " (id BIGINT NOT NULL PRIMARY KEY, payload VARCHAR(64) NOT NULL)");
        }
        try {
            double one = rate(table, 1, millis, 0);
            long[] counts = new long[2];
            double many = rate(table, clients, millis, RUN_IDS, counts, true);
            System.out.printf("commit ceiling %s (one single-row INSERT per transaction): 1 client %.0f tps, "
                    + "%d clients %.0f tps%s%n", db, one, clients, many, counts[1] == 0 ? "" : String.format(
                    java.util.Locale.ROOT, "; CPU a commit: PostgreSQL backend %.3f ms", counts[1] * 10.0 / counts[0]));
            double twoTrips = rate(table, clients, millis, 2 * RUN_IDS, new long[2], false);
            System.out.printf("  the same INSERT, then COMMIT (autocommit off, as JPA commits; two round trips to a database server): "
                    + "%d clients %.0f tps%n", clients, twoTrips);
        } finally {
            try (var connection = connect()) {
                connection.createStatement().execute("DROP TABLE " + table);
            }
        }
    }

    private double rate(String table, int clients, long millis, long firstId) throws Exception {
        return rate(table, clients, millis, firstId, new long[2], true);
    }

    /** Commits per second; {@code counts} gets their number and the CPU ticks of the backends that made them. */
    private double rate(String table, int clients, long millis, long firstId, long[] counts, boolean autoCommit)
            throws Exception {
        var pool = Executors.newFixedThreadPool(clients);
        var tasks = new ArrayList<Callable<Long>>();
        var ticks = new java.util.concurrent.atomic.AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (int c = 0; c < clients; c++) {
            long base = firstId + c * CLIENT_IDS;
            tasks.add(() -> {
                long n = 0;
                try (var connection = connect();
                        var insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                    connection.setAutoCommit(autoCommit);
                    while (System.nanoTime() < deadline) {
                        insert.setLong(1, base + n);
                        insert.setString(2, "f0e4c2f7-6d1b-4b37-9a3e-4f5d0c9e8a7b");
                        insert.executeUpdate();
                        if (!autoCommit) {
                            connection.commit();
                        }
                        n++;
                    }
                    ticks.addAndGet(CpuMeter.backendTicks(connection));
                }
                return n;
            });
        }
        long start = System.nanoTime();
        long total = 0;
        try {
            for (var done : pool.invokeAll(tasks)) {
                total += done.get();
            }
        } finally {
            pool.shutdown();
        }
        counts[0] = total;
        counts[1] = ticks.get();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
