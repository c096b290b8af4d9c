package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.Persistence;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.transaction.SystemException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
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
