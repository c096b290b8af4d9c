package org.ipaserver.flowadmin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The flow store as flow-admin sees it: one JDBC connection, and SQL written out with its values
 * as literals, so that the statements it runs are exactly those it prints for a DBA. Values are
 * either identifiers checked against {@link #ID} or quoted here; nothing else reaches the text.
 */
final class Database implements AutoCloseable {

    /** Storage IDs and flow IDs: what the server makes them of (UUIDs, or a configured name). */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,35}");

    enum Dialect { H2, POSTGRESQL, SQLSERVER }

    /** A statement of a change, and how many rows it must change for the change to stand (-1: any). */
    record Change(String comment, String sql, int mustChange) {
    }

    /** A change refused: nothing was written. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    final Connection connection;
    final Dialect dialect;

    Database(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    static Database open(String url, String user, String password) throws SQLException {
        var connection = DriverManager.getConnection(url, user, password);
        var product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        var dialect = product.contains("postgres") ? Dialect.POSTGRESQL
                : product.contains("microsoft") ? Dialect.SQLSERVER : Dialect.H2;
        return new Database(connection, dialect);
    }

    static String id(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new Refused(what + " '" + value + "' is not a storage or flow ID (letters, digits, '.', '_', '-'; "
                    + "at most 36)");
        }
        return value;
    }

    /** A string literal: quotes doubled (every dialect here keeps backslashes as they are). */
    String text(String value) {
        if (value == null) {
            return "NULL";
        }
        var quoted = "'" + value.replace("'", "''") + "'";
        return dialect == Dialect.SQLSERVER ? "N" + quoted : quoted;
    }

    /** A TIMESTAMP literal in UTC, as the server writes its columns. */
    String time(Instant value) {
        return time(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    /**
     * Microseconds at most: SQL Server's datetime2 takes seven digits, PostgreSQL keeps six. Written
     * from the date and time as they are, never through the JVM's time zone.
     */
    String time(LocalDateTime value) {
        return "'" + TIMESTAMP.format(value) + "'";
    }

    private static final java.time.format.DateTimeFormatter TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    String bool(boolean value) {
        return dialect == Dialect.SQLSERVER ? (value ? "1" : "0") : (value ? "TRUE" : "FALSE");
    }

    String ids(List<String> values) {
        var quoted = new ArrayList<String>();
        values.forEach(v -> quoted.add(text(v)));
        return "(" + String.join(", ", quoted) + ")";
    }

    /** The first column of each row a query answers, as text. */
    List<String> strings(String query) throws SQLException {
        var values = new ArrayList<String>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** A TIMESTAMP column read as the UTC instant the server wrote (its date and time, no zone). */
    static Instant utc(java.sql.ResultSet rows, int column) throws SQLException {
        var time = rows.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** The schema version the database holds (the highest of ipa_SchemaVersion). */
    int schemaVersion() throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT MAX(version) FROM ipa_SchemaVersion")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Runs the changes in one transaction: if one changes another number of rows than it must,
     * everything is rolled back and the change refused with its comment.
     */
    void apply(List<Change> changes) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            for (var change : changes) {
                int changed = statement.executeUpdate(change.sql());
                if (change.mustChange() >= 0 && changed != change.mustChange()) {
                    throw new Refused("nothing was changed: " + change.comment() + " changed " + changed + " rows, not "
                            + change.mustChange() + " (someone else changed the same rows meanwhile; look again)");
                }
            }
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException lost) {
                e.addSuppressed(lost); // a lost connection rolls back by itself
            }
            throw e;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new Refused("the connection was lost while committing (" + e.getMessage() + "): the change may have "
                    + "been made or not; look with the instances and flows commands before trying again");
        }
        connection.setAutoCommit(true);
    }

    /** Runs {@code reads} in one read-only transaction: what it reads is one consistent state. */
    <T> T consistently(SqlWork<T> reads) throws SQLException, java.io.IOException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return reads.run();
        } finally {
            connection.rollback(); // it only read
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
        }
    }

    interface SqlWork<T> {
        T run() throws SQLException, java.io.IOException;
    }

    /** The changes as a script a DBA runs in one transaction. */
    String script(String title, List<Change> changes) {
        var out = new StringBuilder("-- ").append(title).append('\n')
                .append("-- Run it in one transaction; where a statement says it must change a number of rows and it\n")
                .append("-- changes another, roll back: someone changed the same rows since this was printed.\n")
                .append(switch (dialect) {
                    case POSTGRESQL -> "BEGIN;\n";
                    case SQLSERVER -> "BEGIN TRANSACTION;\n";
                    case H2 -> "SET AUTOCOMMIT FALSE;\n";
                });
        for (var change : changes) {
            out.append("-- ").append(change.comment());
            if (change.mustChange() >= 0) {
                out.append(" (must change ").append(change.mustChange()).append(change.mustChange() == 1 ? " row)" : " rows)");
            }
            out.append('\n').append(change.sql()).append(";\n");
        }
        return out.append("COMMIT;\n").toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
