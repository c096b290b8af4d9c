package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.Persistence;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.transaction.SystemException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** The failures the server answers 503 for, as the real drivers and EclipseLink raise them. */
class StoreFailuresTest {

    @Test
    void aRefusedConnectionThroughEclipseLinkIsUnreachable() {
        var factory = Persistence.createEntityManagerFactory("ipa-local", Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2",
                "jakarta.persistence.jdbc.user", "postgres", "jakarta.persistence.jdbc.password", ""));
        var failure = assertThrows(RuntimeException.class, () -> factory.createEntityManager()
                .createNativeQuery("SELECT 1").getSingleResult());
        assertTrue(StoreFailures.unreachable(failure), failure.toString());
        assertFalse(StoreFailures.tooSlow(failure));
    }

    @Test
    void aConnectionLostAtCommitIsUnreachable() {
        // As Payara's connector resource reports it: the connector's failure survives as text only.
        var lost = new XAException(new LocalTransactionException("This connection has been closed.").toString());
        lost.errorCode = XAException.XAER_RMERR;
        var commit = new SystemException();
        commit.initCause(lost);
        assertTrue(StoreFailures.unreachable(new EJBException(commit)));
        assertTrue(StoreFailures.outcomeUnknown(new EJBException(commit)), "the commit may have been made");
        assertFalse(StoreFailures.unreachable(new EJBException(new XAException("heuristic rollback"))));
    }

    @Test
    void aConnectionLostAtTheRollbackOfAFailedFlushLeavesNoDoubt() {
        // As Payara reports a flush that found the database gone: the rollback that follows fails too,
        // and the failure the EJB container reports is that of the rollback, the flush's lost.
        var commit = new SystemException();
        commit.initCause(new LostXAResource().rollback());
        assertTrue(StoreFailures.unreachable(new EJBException(commit)));
        assertFalse(StoreFailures.outcomeUnknown(new EJBException(commit)), "nothing was committed");
        var atCommit = new SystemException();
        atCommit.initCause(new LostXAResource().commit());
        assertTrue(StoreFailures.outcomeUnknown(new EJBException(atCommit)));
    }

    /** Fails as Payara's connector XA resource does when its connection is lost. */
    private static final class LostXAResource {
        private static final String LOST = "com.sun.appserv.connectors.internal.api.PoolingException: "
                + "jakarta.resource.ResourceException: This Managed Connection is not valid as the physical "
                + "connection is not usable";

        XAException rollback() {
            return lost();
        }

        XAException commit() {
            return lost();
        }

        private static XAException lost() {
            var lost = new XAException(LOST);
            lost.errorCode = XAException.XAER_RMERR;
            return lost;
        }
    }

    @Test
    void aConnectionRefusedBeforeAnyCommitLeavesNoDoubt() {
        var refused = new SQLException("Connection refused", "08001", new java.net.ConnectException("refused"));
        assertTrue(StoreFailures.unreachable(new EJBException(refused)));
        assertFalse(StoreFailures.outcomeUnknown(new EJBException(refused)));
    }

    @Test
    void aStatementErrorIsNeitherUnreachableNorSlow() throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:h2:mem:failures")) {
            var failure = assertThrows(SQLException.class, () -> connection.createStatement()
                    .execute("SELECT * FROM no_such_table"));
            assertFalse(StoreFailures.unreachable(failure));
            assertFalse(StoreFailures.tooSlow(failure));
            assertFalse(StoreFailures.unreachable(new IllegalStateException("boom", failure)));
        }
    }

    @Test
    void aDeadlockOnH2HasCollided() throws Exception {
        var failure = deadlock("jdbc:h2:mem:deadlock;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "", "", "deadlock_h2");
        assertTrue(StoreFailures.collided(failure), failure.getSQLState() + " " + failure);
        assertTrue(StoreFailures.passing(new EJBException(new RuntimeException(failure))));
        assertFalse(StoreFailures.unreachable(failure));
        assertFalse(StoreFailures.outcomeUnknown(failure), "a deadlock's victim was rolled back");
    }

    @Test
    void aStatementErrorHasNotCollided() {
        assertFalse(StoreFailures.collided(new SQLException("syntax error", "42601")));
        assertFalse(StoreFailures.passing(new SQLException("duplicate key", "23505")));
    }

    /** Two transactions that each hold a row the other one wants: the database gives one of them up. */
    static SQLException deadlock(String url, String user, String password, String table) throws Exception {
        try (var setup = DriverManager.getConnection(url, user, password);
                var first = DriverManager.getConnection(url, user, password);
                var second = DriverManager.getConnection(url, user, password)) {
            setup.createStatement().execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT)");
            try {
                setup.createStatement().execute("INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                first.createStatement().execute("UPDATE " + table + " SET v = 1 WHERE id = 1");
                second.createStatement().execute("UPDATE " + table + " SET v = 2 WHERE id = 2");
                var waiting = CompletableFuture.supplyAsync(() -> update(first, table, 2));
                var other = update(second, table, 1);
                var victim = other != null ? other : waiting.get(20, TimeUnit.SECONDS);
                if (other != null) {
                    second.rollback();
                    waiting.get(20, TimeUnit.SECONDS);
                }
                first.rollback();
                second.rollback();
                assertNotNull(victim, "neither transaction was given up");
                return victim;
            } finally {
                setup.createStatement().execute("DROP TABLE " + table);
            }
        }
    }

    private static SQLException update(java.sql.Connection connection, String table, int id) {
        try {
            connection.createStatement().execute("UPDATE " + table + " SET v = 3 WHERE id = " + id);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    @Test
    void aLockTimeoutOnH2IsTooSlow() throws SQLException {
        var url = "jdbc:h2:mem:locks;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=200";
        try (var holder = DriverManager.getConnection(url); var waiter = DriverManager.getConnection(url)) {
            holder.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            holder.createStatement().execute("INSERT INTO t VALUES (1, 1)");
            holder.setAutoCommit(false);
            holder.createStatement().execute("UPDATE t SET v = 2 WHERE id = 1");
            var failure = assertThrows(SQLException.class, () -> waiter.createStatement()
                    .execute("UPDATE t SET v = 3 WHERE id = 1"));
            assertTrue(StoreFailures.tooSlow(failure), failure.getSQLState() + " " + failure);
            assertFalse(StoreFailures.unreachable(failure));
        }
    }
}
