package org.ipaserver.integration.database;

import java.sql.SQLException;
import java.util.Map;

/**
 * Describes an SQL error by its SQL state (SQL:2011 classes, plus PostgreSQL's common ones), never
 * by the driver's message: drivers quote the values that broke a rule ("Key (id)=(5) already
 * exists") and those values are the flow's data.
 */
final class SqlStates {

    static final String QUERY_CANCELED = "57014";

    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("02", "no data"),
            Map.entry("07", "dynamic SQL error"),
            Map.entry("08", "connection exception"),
            Map.entry("0A", "feature not supported"),
            Map.entry("21", "cardinality violation"),
            Map.entry("22", "data exception"),
            Map.entry("23", "integrity constraint violation"),
            Map.entry("24", "invalid cursor state"),
            Map.entry("25", "invalid transaction state"),
            Map.entry("28", "invalid authorization specification"),
            Map.entry("2B", "dependent privilege descriptors still exist"),
            Map.entry("3D", "invalid catalog name"),
            Map.entry("3F", "invalid schema name"),
            Map.entry("40", "transaction rollback"),
            Map.entry("42", "syntax error or access rule violation"),
            Map.entry("44", "with check option violation"),
            Map.entry("53", "insufficient resources"),
            Map.entry("54", "program limit exceeded"),
            Map.entry("55", "object not in prerequisite state"),
            Map.entry("57", "operator intervention"),
            Map.entry("58", "system error"),
            Map.entry("HY", "call-level interface error"),
            Map.entry("XX", "internal error"));

    private SqlStates() {
    }

    /**
     * The exception that carries the database's SQL state: a server's pool may wrap the driver's
     * in one of its own without a state (Payara does, for a statement it cannot prepare).
     */
    static SQLException withState(SQLException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null) {
                    return sql;
                }
                if (sql.getNextException() != null && sql.getNextException().getSQLState() != null) {
                    return sql.getNextException();
                }
            }
        }
        return e;
    }

    /** "SQL state 23505 (integrity constraint violation), error code 0". */
    static String describe(SQLException e) {
        var state = e.getSQLState();
        if (state == null || state.length() < 2) {
            return "no SQL state, error code " + e.getErrorCode();
        }
        var description = CLASSES.get(state.substring(0, 2).toUpperCase(java.util.Locale.ROOT));
        return "SQL state " + state + " (" + (description == null ? "class " + state.substring(0, 2) : description)
                + "), error code " + e.getErrorCode();
    }

    /** Class 08, or PostgreSQL ending the session (57P01 admin shutdown, 57P02 crash, 57P03 cannot connect now). */
    static boolean connectionLost(SQLException e) {
        var state = e.getSQLState();
        return e instanceof java.sql.SQLTransientConnectionException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    static boolean timedOut(SQLException e) {
        return e instanceof java.sql.SQLTimeoutException || QUERY_CANCELED.equals(e.getSQLState());
    }
}
