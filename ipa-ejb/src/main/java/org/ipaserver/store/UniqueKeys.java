package org.ipaserver.store;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Races for a unique key: two transactions insert the same key (two publishes of one process
 * compute the same next version, two creations of one workgroup); the database lets the first
 * commit and refuses the second, which the use case retries or reports as a conflict.
 */
public final class UniqueKeys {

    private static final String UNIQUE_VIOLATION = "23505"; // SQL standard; H2 and PostgreSQL
    private static final int SQL_SERVER_DUPLICATE_KEY = 2627;
    private static final int SQL_SERVER_DUPLICATE_INDEX_KEY = 2601;

    private UniqueKeys() {
    }

    /** Whether the exception, or one down its chain of causes, is the database refusing a duplicate key. */
    public static boolean violated(Throwable exception) {
        int depth = 0; // a chain that loops back on itself ends here too
        for (Throwable t = exception; t != null && depth++ < 50; t = t.getCause()) {
            for (var sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState()) || "23000".equals(sql.getSQLState())
                        && (sql.getErrorCode() == SQL_SERVER_DUPLICATE_KEY
                        || sql.getErrorCode() == SQL_SERVER_DUPLICATE_INDEX_KEY)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs {@code attempt} again while it loses a race for a unique key, at most {@code attempts}
     * times in all; each call must be a transaction of its own, so that the next one sees what the
     * winner committed.
     */
    public static <T> T retrying(int attempts, Supplier<T> attempt) {
        for (int made = 1; ; made++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (made >= attempts || !violated(e)) {
                    throw e;
                }
            }
        }
    }
}
