package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.store.LocalStore;
import org.ipaserver.store.SqlScript;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.Test;

/**
 * Flows of a version 7 database (every state document in flowexec_Storage, a flowexec_Completion
 * row for each ended flow) through upgrade-8.sql and upgrade-9.sql: none is lost, an ended flow shows its variables
 * and history from its row, a waiting one resumes where it was.
 */
class SchemaUpgradeFlowsTest {

    private static final String FLOW_COLUMNS = "flow_id, definition_name, definition_version, status, current_state,"
            + " storage_id, launched_by, parent_flow_id, depth, waiting_on, wake_at, started_at, updated_at, ended_at,"
            + " error_message, row_version, job, next_run_at, job_attempts, lease_until, owner_epoch, error_step";
    private static final String DEFINITION_COLUMNS = "definition_name, definition_version, description, published_at,"
            + " published_by, source, test_version";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final FlowEngine engine = new FlowEngine(catalog, clock, "storage-a", 5, new WorkItemRouter(clock));

    @Test
    void flowsOfAVersion7DatabaseKeepTheirStateThroughTheUpgrades() throws SQLException {
        List<Object[]> definitions;
        List<Object[]> flows;
        List<Object[]> documents;
        String ended;
        String waiting;
        try (var current = LocalStore.h2InMemory()) { // flows as this engine makes them...
            current.run(em -> catalog.publish(em, STRAIGHT, "designer", clock.instant()));
            current.run(em -> catalog.publish(em, SLEEPER, "designer", clock.instant()));
            ended = current.inTransaction(em -> engine.launch(em, "Straight", null, Map.of(), "alice"));
            waiting = current.inTransaction(em -> engine.launch(em, "Sleeper", null, Map.of(), "alice"));
            definitions = rows(current, "SELECT " + DEFINITION_COLUMNS + " FROM ipa_Definitions");
            flows = rows(current, "SELECT " + FLOW_COLUMNS + " FROM flowexec_Flows");
            documents = rows(current, "SELECT f.flow_id, COALESCE(f.state_document, s.state_document), f.updated_at"
                    + " FROM flowexec_Flows f LEFT JOIN flowexec_Storage s ON s.flow_id = f.flow_id");
        }
        var url = "jdbc:h2:mem:v7-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var v7 = DriverManager.getConnection(url, "sa", "")) { // ...kept as version 7 kept them
            run(v7, "sql-v1/h2/create.sql");
            for (int version = 2; version <= 7; version++) {
                run(v7, "sql/h2/upgrade-" + version + ".sql");
            }
            insert(v7, "ipa_Definitions", DEFINITION_COLUMNS, definitions);
            insert(v7, "flowexec_Flows", FLOW_COLUMNS, flows);
            insert(v7, "flowexec_Storage", "flow_id, state_document, updated_at", documents);
            insert(v7, "flowexec_Completion", "flow_id, definition_name, definition_version, final_status, launched_by,"
                    + " completed_at", Collections.singletonList(new Object[] {ended, "Straight", 1, "completed", "alice",
                        java.sql.Timestamp.from(clock.instant())}));

            run(v7, "sql/h2/upgrade-8.sql");
            run(v7, "sql/h2/upgrade-9.sql");
        }

        try (var upgraded = LocalStore.h2Existing(url)) {
            assertEquals(1, upgraded.count("flowexec_Storage"), "only the waiting flow keeps a storage row");
            assertEquals(1, upgraded.count("flowexec_Completion"));
            var straight = upgraded.inTransaction(em -> engine.view(em, ended));
            assertEquals("completed", straight.status());
            assertEquals(10L, straight.variables().get("Count"));
            assertEquals(21, straight.history().size());

            clock.advance(Duration.ofSeconds(1));
            assertEquals(Boolean.TRUE, upgraded.inTransaction(em -> engine.resumeTimer(em, waiting)));
            var woken = upgraded.inTransaction(em -> engine.view(em, waiting));
            assertEquals("completed", woken.status());
            assertEquals(Boolean.TRUE, woken.variables().get("Woke"));
            assertEquals(0, upgraded.count("flowexec_Storage"));
            assertEquals(2, upgraded.count("flowexec_Completion"));
        }
    }

    private static final String STRAIGHT = """
            { "name": "Straight", "startState": "S",
              "variables": [ { "name": "Count", "type": "Integer", "initial": 0 } ],
              "states": [ { "name": "S", "actions": [
                { "type": "Loop", "while": "${i < 10}", "counter": "i", "actions": [
                  { "type": "UpdateVariables", "assignments": [ { "variable": "Count", "value": "${Count + 1}" } ] } ] } ],
                "variables": [ { "name": "i", "type": "Integer" } ] } ] }
            """;

    private static final String SLEEPER = """
            { "name": "Sleeper", "startState": "S",
              "variables": [ { "name": "Woke", "type": "Boolean", "initial": false } ],
              "states": [ { "name": "S", "actions": [ { "type": "Wait", "duration": "PT1S" },
                { "type": "UpdateVariables", "assignments": [ { "variable": "Woke", "value": "${true}" } ] } ] } ] }
            """;

    /** Rows of a native query, texts of CLOB columns read while the connection is open. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(LocalStore store, String sql) {
        return store.inTransaction(em -> ((List<Object[]>) em.createNativeQuery(sql).getResultList()).stream()
                .map(row -> java.util.Arrays.stream(row).map(SchemaUpgradeFlowsTest::text).toArray()).toList());
    }

    private static Object text(Object value) {
        try {
            return value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(Connection connection, String table, String columns, List<Object[]> rows)
            throws SQLException {
        var marks = String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
        try (var insert = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks
                + ")")) {
            for (var row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    private static void run(Connection connection, String script) throws SQLException {
        SqlScript.fromClasspath(script, SchemaUpgradeFlowsTest.class.getClassLoader()).execute(connection);
    }
}
