package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The H2 scripts, and the SQL Server scripts as far as H2's MSSQLServer mode can tell: create.sql,
 * and the upgrade path from version 1 (kept under test resources sql-v1/) through upgrade-N.sql.
 */
class SchemaScriptsTest {

    /** The upgrade scripts after version 1, in order. */
    static final List<String> UPGRADES = List.of("upgrade-2.sql", "upgrade-3.sql", "upgrade-4.sql", "upgrade-5.sql",
            "upgrade-6.sql", "upgrade-7.sql", "upgrade-8.sql", "upgrade-9.sql", "upgrade-10.sql",
            "upgrade-11.sql", "upgrade-12.sql");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"h2, ''", "mssql, ;MODE=MSSQLServer"})
    void createMakesTheSchema(String db, String mode) throws SQLException {
        try (var connection = freshH2(mode)) {
            run(connection, "sql/" + db + "/create.sql");

            SchemaChecks.assertSchema(connection, connection.getSchema());
            SchemaChecks.assertDeleteCascades(connection);
            SchemaChecks.assertRoutingConstraints(connection);
            SchemaChecks.assertRightsConstraints(connection);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"h2, ''", "mssql, ;MODE=MSSQLServer"})
    void version1AndTheUpgradesMakeTheSameSchemaAsCreate(String db, String mode) throws SQLException {
        try (var created = freshH2(mode); var upgraded = freshH2(mode)) {
            run(created, "sql/" + db + "/create.sql");
            run(upgraded, "sql-v1/" + db + "/create.sql");
            for (String upgrade : UPGRADES) {
                run(upgraded, "sql/" + db + "/" + upgrade);
            }

            assertEquals(SchemaChecks.describe(created, created.getSchema()),
                    SchemaChecks.describe(upgraded, upgraded.getSchema()));
            SchemaChecks.assertSchema(upgraded, upgraded.getSchema());
            SchemaChecks.assertRoutingConstraints(upgraded);
            SchemaChecks.assertRightsConstraints(upgraded);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"create.sql", "upgrade-2.sql", "upgrade-3.sql", "upgrade-4.sql", "upgrade-5.sql",
        "upgrade-6.sql", "upgrade-7.sql", "upgrade-8.sql", "upgrade-9.sql", "upgrade-10.sql", "upgrade-11.sql",
        "upgrade-12.sql"})
    void everyDatabaseHasTheSameStatementsInTheSameOrder(String script) {
        var h2 = SqlScript.fromClasspath("sql/h2/" + script, getClass().getClassLoader()).statements();
        for (String db : List.of("postgresql", "mssql")) {
            var other = SqlScript.fromClasspath("sql/" + db + "/" + script, getClass().getClassLoader()).statements();
            assertEquals(h2.size(), other.size(), db);
            for (int i = 0; i < h2.size(); i++) {
                assertEquals(firstLine(h2.get(i)), firstLine(other.get(i)), db + ", statement " + (i + 1));
            }
        }
    }

    /** PostgreSQL's partial indexes and SQL Server's filtered ones keep the same rows. */
    @ParameterizedTest
    @ValueSource(strings = {"create.sql", "upgrade-9.sql", "upgrade-10.sql"})
    void partialAndFilteredIndexesHaveTheSameFilters(String script) {
        var postgresql = filters(SqlScript.fromClasspath("sql/postgresql/" + script, getClass().getClassLoader()));
        var mssql = filters(SqlScript.fromClasspath("sql/mssql/" + script, getClass().getClassLoader()));
        var all = List.of("WHERE parent_flow_id IS NOT NULL", "WHERE ended_at IS NULL", "WHERE job IS NOT NULL",
                "WHERE completed_at IS NOT NULL");
        assertEquals(switch (script) {
            case "upgrade-9.sql" -> all.subList(0, 3);
            case "upgrade-10.sql" -> all.subList(3, 4);
            default -> all;
        }, postgresql);
        assertEquals(postgresql, mssql);
    }

    @Test
    void splitsOnSemicolonsAtLineEndsAndSkipsComments() {
        var script = SqlScript.parse("t.sql", """
                -- header
                CREATE TABLE t (
                    -- a column
                    a INT, b VARCHAR(10) DEFAULT 'x;y'
                );

                INSERT INTO t (a) VALUES (1);
                GO
                SELECT a FROM t""");

        assertEquals(List.of("CREATE TABLE t (\na INT, b VARCHAR(10) DEFAULT 'x;y'\n)",
                "INSERT INTO t (a) VALUES (1)", "SELECT a FROM t"), script.statements());
    }

    @Test
    void aFailingStatementIsNamed() throws SQLException {
        try (var connection = freshH2("")) {
            var script = SqlScript.parse("broken.sql", "CREATE TABLE t (a INT);\nCREATE TABLE t (a INT);\n");

            var e = assertThrows(SQLException.class, () -> script.execute(connection));
            assertTrue(e.getMessage().startsWith("broken.sql, statement 2 failed"), e.getMessage());
        }
    }

    private void run(Connection connection, String script) throws SQLException {
        var parsed = SqlScript.fromClasspath(script, getClass().getClassLoader());
        (script.contains("mssql/") ? withoutIndexFilters(parsed) : parsed).execute(connection);
    }

    /** H2 has no filtered indexes: SQL Server's run on it without their WHERE (the filters are reviewed). */
    private static SqlScript withoutIndexFilters(SqlScript script) {
        return new SqlScript(script.name(), script.statements().stream()
                .map(s -> s.startsWith("CREATE INDEX") ? s.replaceFirst("(?s)\\s+WHERE .*$", "") : s).toList());
    }

    private static List<String> filters(SqlScript script) {
        return script.statements().stream().filter(s -> s.startsWith("CREATE INDEX") && s.contains("\nWHERE "))
                .map(s -> s.substring(s.indexOf("\nWHERE ") + 1)).toList();
    }

    private static String firstLine(String statement) {
        return statement.lines().findFirst().orElseThrow();
    }

    private static Connection freshH2(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + options, "sa", "");
    }
}
