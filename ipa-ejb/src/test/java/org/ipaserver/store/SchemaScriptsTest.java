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

/** The H2 script, and the SQL Server script as far as H2's MSSQLServer mode can tell. */
class SchemaScriptsTest {

    @Test
    void h2ScriptCreatesTheSchema() throws SQLException {
        try (var connection = freshH2("")) {
            SqlScript.fromClasspath("sql/h2/create.sql", getClass().getClassLoader()).execute(connection);

            SchemaChecks.assertSchema(connection, connection.getSchema());
            SchemaChecks.assertDeleteCascades(connection);
        }
    }

    /** A version 1 database (create.sql without what version 2 added) plus upgrade-2.sql equals create.sql. */
    @ParameterizedTest
    @CsvSource({"h2, ''", "mssql, ;MODE=MSSQLServer"})
    void upgradeScriptsLeadToTheSameSchema(String db, String mode) throws SQLException {
        try (var connection = freshH2(mode)) {
            var create = SqlScript.fromClasspath("sql/" + db + "/create.sql", getClass().getClassLoader());
            var v1 = create.statements().stream().filter(sql -> !sql.contains("ipa_WorkItems"))
                    .map(sql -> sql.replace("VALUES (2,", "VALUES (1,")).toList();
            new SqlScript("v1", v1).execute(connection);
            SqlScript.fromClasspath("sql/" + db + "/upgrade-2.sql", getClass().getClassLoader()).execute(connection);

            SchemaChecks.assertSchema(connection, connection.getSchema());
        }
    }

    @Test
    void mssqlScriptRunsInH2SqlServerMode() throws SQLException {
        try (var connection = freshH2(";MODE=MSSQLServer")) {
            SqlScript.fromClasspath("sql/mssql/create.sql", getClass().getClassLoader()).execute(connection);

            SchemaChecks.assertSchema(connection, connection.getSchema());
            SchemaChecks.assertDeleteCascades(connection);
        }
    }

    @Test
    void everyScriptHasTheSameStatementsInTheSameOrder() {
        var h2 = SqlScript.fromClasspath("sql/h2/create.sql", getClass().getClassLoader()).statements();
        for (String db : List.of("postgresql", "mssql")) {
            var other = SqlScript.fromClasspath("sql/" + db + "/create.sql", getClass().getClassLoader()).statements();
            assertEquals(h2.size(), other.size(), db);
            for (int i = 0; i < h2.size(); i++) {
                assertEquals(firstLine(h2.get(i)), firstLine(other.get(i)), db + ", statement " + (i + 1));
            }
        }
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

    private static String firstLine(String statement) {
        return statement.lines().findFirst().orElseThrow();
    }

    private static Connection freshH2(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + options, "sa", "");
    }
}
