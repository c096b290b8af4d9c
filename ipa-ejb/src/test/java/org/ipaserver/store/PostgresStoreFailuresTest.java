package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A lock held by another session past lock_timeout, a session ended by the server and a deadlock, on PostgreSQL. */
@PostgresqlSuite
class PostgresStoreFailuresTest {

    @Test
    void aLockHeldTooLongIsTooSlow() throws SQLException {
        var url = PostgresqlAvailable.URL;
        try (var holder = DriverManager.getConnection(url, PostgresqlAvailable.USER, PostgresqlAvailable.PASSWORD);
             var waiter = DriverManager.getConnection(url, PostgresqlAvailable.USER, PostgresqlAvailable.PASSWORD)) {
            var table = "store_failures_" + ProcessHandle.current().pid();
            holder.createStatement().execute("CREATE TABLE " + table + " (id INT)");
            try {
                holder.setAutoCommit(false);
                holder.createStatement().execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
                waiter.createStatement().execute("SET lock_timeout = '200ms'");
                var failure = assertThrows(SQLException.class, () -> waiter.createStatement()
                        .executeQuery("SELECT * FROM " + table));
                assertTrue(StoreFailures.tooSlow(failure), failure.getSQLState() + " " + failure);
                assertFalse(StoreFailures.unreachable(failure));
            } finally {
                holder.rollback();
                holder.setAutoCommit(true);
                holder.createStatement().execute("DROP TABLE " + table);
            }
        }
    }

    @Test
    void aSessionTheServerEndsIsUnreachable() throws SQLException {
        var url = PostgresqlAvailable.URL;
        try (var victim = DriverManager.getConnection(url, PostgresqlAvailable.USER, PostgresqlAvailable.PASSWORD);
             var admin = DriverManager.getConnection(url, PostgresqlAvailable.USER, PostgresqlAvailable.PASSWORD)) {
            var pid = victim.createStatement().executeQuery("SELECT pg_backend_pid()");
            pid.next();
            admin.createStatement().execute("SELECT pg_terminate_backend(" + pid.getInt(1) + ")");
            var failure = assertThrows(SQLException.class, () -> victim.createStatement().execute("SELECT 1"));
            assertTrue(StoreFailures.unreachable(failure), failure.getSQLState() + " " + failure);
        }
    }

    @Test
    void aDeadlockHasCollided() throws Exception {
        var failure = StoreFailuresTest.deadlock(PostgresqlAvailable.URL, PostgresqlAvailable.USER,
                PostgresqlAvailable.PASSWORD, "deadlock_" + ProcessHandle.current().pid());
        assertTrue(StoreFailures.collided(failure), failure.getSQLState() + " " + failure);
        assertFalse(StoreFailures.unreachable(failure));
        assertFalse(StoreFailures.tooSlow(failure));
    }
}
