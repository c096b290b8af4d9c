package org.ipaserver.store;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a database that cannot be reached, or that answers too slowly, from every other failure,
 * whatever wraps it (JPA, EclipseLink, the EJB container, the server's connection pool). Both are
 * passing conditions of the infrastructure: the server answers 503 and waits, it never counts them
 * against a flow.
 */
public final class StoreFailures {

    /** PostgreSQL: the server shuts down, crashed, or cannot take connections yet. */
    private static final Set<String> SERVER_GOING = Set.of("57P01", "57P02", "57P03", "53300");
    /** Lock timeouts and cancelled statements: PostgreSQL, H2 and the SQL standard's generic timeout. */
    private static final Set<String> TOO_SLOW = Set.of("55P03", "57014", "HYT00", "HYT01");
    /** SQL Server's lock request timeout (SET LOCK_TIMEOUT). */
    private static final int SQL_SERVER_LOCK_TIMEOUT = 1222;

    private StoreFailures() {
    }

    /** The connection was refused, lost or could not be had from the pool. */
    public static boolean unreachable(Throwable failure) {
        for (var t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof jakarta.resource.ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Error in allocating a connection")) {
                return true; // the application server's pool, when it cannot open one
            }
            if (lostAtCommit(t)) {
                return true;
            }
        }
        return false;
    }

    /** A lock or statement timeout: the database answers, but not in time. */
    public static boolean tooSlow(Throwable failure) {
        for (var t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (TOO_SLOW.contains(sql.getSQLState())
                    || sql.getErrorCode() == SQL_SERVER_LOCK_TIMEOUT && sql.getSQLState() != null
                    && !sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection was lost while the transaction was being committed: the database may have
     * made it durable before the answer was lost, so the outcome is unknown (a failure in a
     * statement before, by contrast, always rolls back).
     */
    public static boolean outcomeUnknown(Throwable failure) {
        for (var t = failure; t != null; t = next(t)) {
            if (lostAtCommit(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostAtCommit(Throwable t) {
        // Payara's local-transaction resource keeps only the text of the connector's failure when
        // the connection is lost at commit (or at rollback: told the same, which is only cautious).
        return t instanceof XAException xa && xa.getCause() == null && xa.getMessage() != null
                && xa.getMessage().startsWith("jakarta.resource.");
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && t.getCause() == null) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
