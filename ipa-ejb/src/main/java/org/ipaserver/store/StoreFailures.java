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
    /** A deadlock broken (PostgreSQL 40P01; H2 and SQL Server 40001) or a serialization failure (40001). */
    private static final Set<String> COLLIDED = Set.of("40P01", "40001");
    /** SQL Server's "chosen as the deadlock victim". */
    private static final int SQL_SERVER_DEADLOCK_VICTIM = 1205;

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
            if (lostInCompletion(t)) {
                return true;
            }
        }
        return false;
    }

    /** A lock or statement timeout: the database answers, but not in time. */
    public static boolean tooSlow(Throwable failure) {
        for (var t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTimeoutException || isOneOf(t, TOO_SLOW, SQL_SERVER_LOCK_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database rolled the transaction back to break a deadlock with another, or because it
     * could not serialize it: nothing was changed and the same work succeeds when tried again.
     */
    public static boolean collided(Throwable failure) {
        for (var t = failure; t != null; t = next(t)) {
            if (isOneOf(t, COLLIDED, SQL_SERVER_DEADLOCK_VICTIM)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An SQL failure with one of {@code states}, or SQL Server's error {@code sqlServerError} (which
     * only counts with a state outside class 08: a lost connection is told apart).
     */
    private static boolean isOneOf(Throwable t, Set<String> states, int sqlServerError) {
        return t instanceof SQLException sql && (states.contains(sql.getSQLState())
                || sql.getErrorCode() == sqlServerError && sql.getSQLState() != null
                && !sql.getSQLState().startsWith("08"));
    }

    /** A passing condition of the database, not a fault of the work: tried again, it may well succeed. */
    public static boolean passing(Throwable failure) {
        return unreachable(failure) || tooSlow(failure) || collided(failure);
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
        return lostInCompletion(t) && !thrownByRollback(t);
    }

    /**
     * Payara's local-transaction resource keeps only the text of the connector's failure when the
     * connection is lost as the transaction completes: "jakarta.resource.spi.LocalTransactionException:
     * This connection has been closed." at a commit, or a pool's "com.sun.appserv.connectors...
     * PoolingException: jakarta.resource.ResourceException: ..." at the rollback that follows a failed flush.
     */
    private static boolean lostInCompletion(Throwable t) {
        return t instanceof XAException xa && xa.getCause() == null && xa.getMessage() != null
                && xa.getMessage().contains("jakarta.resource.");
    }

    /**
     * The resource failed while rolling back, not committing: nothing was made durable. Only the
     * failure's own stack tells the two apart; when it says neither, the commit is assumed.
     */
    private static boolean thrownByRollback(Throwable t) {
        for (var frame : t.getStackTrace()) {
            if (frame.getClassName().endsWith("XAResource")) {
                if (frame.getMethodName().equals("rollback")) {
                    return true;
                }
                if (frame.getMethodName().equals("commit")) {
                    return false;
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && t.getCause() == null) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
