package org.ipaserver.integration.database;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.ipaserver.job.CallUnavailable;
import org.ipaserver.store.PostgresqlAvailable;
import org.ipaserver.store.PostgresqlSuite;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The same statements on PostgreSQL (127.0.0.1:5432/test), in a schema of their own dropped afterwards. */
@PostgresqlSuite
class PostgresStatementRunnerTest extends StatementRunnerTest {

    private String schema;

    @Override
    DataSource open() {
        schema = "dbaction_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE SCHEMA " + schema);
        var postgres = new PGSimpleDataSource();
        postgres.setURL(PostgresqlAvailable.URL);
        postgres.setUser(PostgresqlAvailable.USER);
        postgres.setPassword(PostgresqlAvailable.PASSWORD);
        postgres.setCurrentSchema(schema);
        return postgres;
    }

    @Override
    void drop() {
        admin("DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    String slowQuery() {
        return "SELECT 1 AS n FROM pg_sleep(5) WHERE 3 = ?";
    }

    @Test
    void aConnectionLostDuringTheStatementIsTriedAgainLater() {
        var lost = assertThrows(CallUnavailable.class, () -> query("SELECT pg_terminate_backend(pg_backend_pid()) "
                + "AS gone", Map.of("gone", "Gone"), Map.of(), 1));
        assertTrue(lost.getMessage().contains("'jdbc/orders' lost its connection: SQL state 57P01"), lost.getMessage());
    }

    private static void admin(String sql) {
        try (var connection = DriverManager.getConnection(PostgresqlAvailable.URL, PostgresqlAvailable.USER,
                PostgresqlAvailable.PASSWORD); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
