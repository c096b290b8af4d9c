package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL script, in a schema of its own that is dropped afterwards. Needs a running
 * PostgreSQL, so it runs only with {@code -Ppostgresql}; the server is read from
 * {@code ipa.test.postgresql.url/user/password} (default 127.0.0.1:5432/test, postgres, none).
 */
@PostgresqlSuite
class PostgresSchemaTest {

    private static final String URL = System.getProperty("ipa.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("ipa.test.postgresql.user", "postgres");
    private static final String PASSWORD = System.getProperty("ipa.test.postgresql.password", "");

    private final String schema = "ipa_test_" + UUID.randomUUID().toString().replace("-", "");
    private Connection connection;

    @BeforeEach
    void createSchema() throws SQLException {
        try {
            connection = DriverManager.getConnection(URL, USER, PASSWORD);
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "); start it or run without -Ppostgresql");
        }
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        connection.setSchema(schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (connection != null) {
            try (var open = connection; var statement = open.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void postgresqlScriptCreatesTheSchema() throws SQLException {
        run("sql/postgresql/create.sql");

        SchemaChecks.assertSchema(connection, schema);
        SchemaChecks.assertDeleteCascades(connection);
        SchemaChecks.assertRoutingConstraints(connection);
        SchemaChecks.assertRightsConstraints(connection);
    }

    /** Version 1 and the upgrades give what create.sql gives, compared in a second schema. */
    @Test
    void version1AndTheUpgradesMakeTheSameSchemaAsCreate() throws SQLException {
        run("sql-v1/postgresql/create.sql");
        for (String upgrade : SchemaScriptsTest.UPGRADES) {
            run("sql/postgresql/" + upgrade);
        }
        var upgraded = SchemaChecks.describe(connection, schema);
        SchemaChecks.assertSchema(connection, schema);

        var created = schema + "_c";
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + created);
        }
        try {
            connection.setSchema(created);
            run("sql/postgresql/create.sql");
            assertEquals(SchemaChecks.describe(connection, created), upgraded);
        } finally {
            try (var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + created + " CASCADE");
            }
        }
    }

    private void run(String script) throws SQLException {
        SqlScript.fromClasspath(script, getClass().getClassLoader()).execute(connection);
    }
}
