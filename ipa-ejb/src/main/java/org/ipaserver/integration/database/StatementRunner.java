package org.ipaserver.integration.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.ipaserver.action.CallResult;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.job.CallUnavailable;

/**
 * Runs a Database action's statement: looks its data source up when called, binds the evaluated
 * parameters, and commits in a transaction of its own (the call runs outside the flow's
 * transaction, and one JTA transaction cannot hold two non-XA data sources anyway). An SQL error
 * takes the failure exit with sqlState and errorCode; a lost connection is a failure of the
 * moment, tried again.
 */
public final class StatementRunner {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Finds a data source by the name the action gives. */
    @FunctionalInterface
    public interface DataSources {
        DataSource lookup(String name) throws NamingException;
    }

    private final DataSources dataSources;

    public StatementRunner(DataSources dataSources) {
        this.dataSources = dataSources;
    }

    public CallResult call(CallRequest request) {
        var action = (ActionDef.Database) request.action();
        var timeout = request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout();
        DataSource source;
        try {
            source = dataSources.lookup(action.dataSource());
        } catch (NamingException | ClassCastException e) {
            source = null;
        }
        if (source == null) {
            return CallResult.failure("no data source named '" + action.dataSource() + "' on this server: define "
                    + "it there (asadmin create-jdbc-resource, or the admin console)");
        }
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            throw new CallUnavailable("data source '" + action.dataSource() + "' gives no connection: "
                    + SqlStates.describe(e));
        }
        try (connection) {
            return inTransaction(connection, action, request.inputs(), timeout);
        } catch (SQLException e) {
            return answer(e, action, timeout);
        } catch (ColumnValues.UnsupportedValue e) {
            return CallResult.failure("Database on '" + action.dataSource() + "': " + e.getMessage());
        } catch (RuntimeException e) {
            // a driver's unchecked exception may quote values too: only its kind is told
            return CallResult.failure("the statement on '" + action.dataSource() + "' failed: "
                    + e.getClass().getSimpleName());
        }
    }

    private static CallResult inTransaction(Connection connection, ActionDef.Database action,
                                            Map<String, Object> inputs, Duration timeout) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            CallResult result;
            try (var statement = connection.prepareStatement(action.statement())) {
                statement.setQueryTimeout(seconds(timeout));
                for (int i = 1; i <= action.parameters().size(); i++) {
                    ColumnValues.bind(statement, i, inputs.get(String.valueOf(i)));
                }
                result = action.query() ? QueryRows.read(statement, action)
                        : new CallResult(CallResult.SUCCESS, Map.of("updateCount",
                        String.valueOf(statement.executeUpdate())), null);
            }
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollBack(connection);
            throw e;
        } finally {
            restore(connection, autoCommit);
        }
    }

    private static CallResult answer(SQLException thrown, ActionDef.Database action, Duration timeout) {
        var e = SqlStates.withState(thrown);
        if (SqlStates.timedOut(e) || SqlStates.timedOut(thrown)) {
            return CallResult.timeout("the statement on '" + action.dataSource() + "' did not end within " + timeout);
        }
        if (SqlStates.connectionLost(e)) {
            throw new CallUnavailable("data source '" + action.dataSource() + "' lost its connection: "
                    + SqlStates.describe(e));
        }
        var outputs = new HashMap<String, String>();
        if (e.getSQLState() != null) {
            outputs.put("sqlState", e.getSQLState());
        }
        outputs.put("errorCode", String.valueOf(e.getErrorCode()));
        return new CallResult(CallResult.FAILURE, outputs, "the statement on '" + action.dataSource() + "' failed: "
                + SqlStates.describe(e));
    }

    /** JDBC counts whole seconds, 0 meaning no limit: a timeout is at least one second. */
    static int seconds(Duration timeout) {
        long seconds = (timeout.toMillis() + 999) / 1000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
    }

    private static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is going away; the database rolls back what it did not commit
        }
    }

    /** Pooled connections go back as they came. */
    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // a broken connection: the pool discards it
        }
    }
}
