package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** What every database's create.sql (or create.sql of version 1 and the upgrades) must produce, through plain JDBC. */
final class SchemaChecks {

    static final int VERSION = 12;

    static final List<String> TABLES = List.of("flowexec_flows",
            "flowexec_storage", "ipa_definitions", "ipa_instances", "ipa_monitorevents", "ipa_monitorstate", "ipa_processrights",
            "ipa_schemaversion", "ipa_userlicences", "ipa_userpresence", "ipa_relatedinteractions", "ipa_reportcursor",
            "ipa_reportdays", "ipa_reportstatetimes", "ipa_reportworktimes", "ipa_userskills", "ipa_variablereports",
            "ipa_workgroupmembers", "ipa_workgroups", "ipa_workitems");

    /** flowexec_Completion is a view of the ended flows' rows, under the reference's name. */
    static final List<String> VIEWS = List.of("flowexec_completion");

    static final Map<String, List<String>> FLOW_INDEXES = Map.of(
            "ix_flows_definition", List.of("definition_name", "status", "started_at"),
            "ix_flows_status_started", List.of("status", "started_at"),
            "ix_flows_state", List.of("current_state", "status", "started_at"),
            "ix_flows_launched_by", List.of("launched_by", "started_at"),
            "ix_flows_parent", List.of("parent_flow_id"),
            "ix_flows_storage", List.of("storage_id", "status"),
            "ix_flows_started", List.of("started_at"),
            // the reporting passes read what ended since the last one (entries come in time order: appended)
            "ix_flows_ended", List.of("ended_at"),
            "ix_flows_jobs", List.of("storage_id", "job", "next_run_at"));

    private SchemaChecks() {
    }

    static void assertSchema(Connection connection, String schema) throws SQLException {
        assertEquals(new TreeSet<>(TABLES), tables(connection, schema), "tables");
        assertEquals(new TreeSet<>(VIEWS), tables(connection, schema, "VIEW"), "views");
        var indexes = indexes(connection, schema, "flowexec_flows");
        FLOW_INDEXES.forEach((name, columns) -> assertEquals(columns, indexes.get(name), name));
        assertEquals(new TreeSet<>(FLOW_INDEXES.keySet()), new TreeSet<>(indexes.keySet().stream()
                .filter(name -> name.startsWith("ix_")).toList()), "no other index on flowexec_Flows to write");
        assertEquals(List.of("user_name"), indexes(connection, schema, "ipa_workgroupmembers").get("ix_members_user"));
        try (var rs = connection.createStatement().executeQuery("SELECT MAX(version) FROM ipa_SchemaVersion")) {
            assertTrue(rs.next(), "schema version row");
            assertEquals(VERSION, rs.getInt(1));
        }
    }

    /** Deleting a workgroup removes its members; skill levels outside 1..100 are refused by the database too. */
    static void assertRoutingConstraints(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO ipa_Workgroups (workgroup_name, description) VALUES ('Loans', 'x')");
            statement.executeUpdate("INSERT INTO ipa_WorkgroupMembers (workgroup_name, user_name) VALUES ('Loans', 'ann')");
            statement.executeUpdate("INSERT INTO ipa_UserSkills (user_name, skill, skill_level) VALUES ('ann', 'Loans', 100)");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO ipa_UserSkills (user_name, skill, skill_level) VALUES ('ann', 'Spanish', 101)"));
            assertEquals(1, statement.executeUpdate("DELETE FROM ipa_Workgroups WHERE workgroup_name = 'Loans'"));
            try (var rs = statement.executeQuery("SELECT COUNT(*) FROM ipa_WorkgroupMembers")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "members cascaded");
            }
        }
    }

    /** A grant is stored once; kinds and rights outside the known ones are refused by the database too. */
    static void assertRightsConstraints(Connection connection) throws SQLException {
        var insert = "INSERT INTO ipa_ProcessRights (grant_id, principal_kind, principal_name, access_right,"
                + " process_name) VALUES ('%s', '%s', 'ann', '%s', 'CarLoan')";
        try (var statement = connection.createStatement()) {
            statement.executeUpdate(insert.formatted("g1", "user", "VIEW"));
            assertThrows(SQLException.class, () -> statement.executeUpdate(insert.formatted("g2", "user", "VIEW")));
            assertThrows(SQLException.class, () -> statement.executeUpdate(insert.formatted("g3", "team", "VIEW")));
            assertThrows(SQLException.class, () -> statement.executeUpdate(insert.formatted("g4", "user", "DESIGN")));
            assertEquals(1, statement.executeUpdate("DELETE FROM ipa_ProcessRights"));
        }
    }

    /**
     * Everything a database tells about the tables through JDBC metadata: columns (type, size,
     * nullability), primary keys, foreign keys with their delete rule, and the ix_ indexes. Two
     * databases built in different ways must describe the same.
     */
    static String describe(Connection connection, String schema) throws SQLException {
        var meta = connection.getMetaData();
        var lines = new ArrayList<String>();
        var relations = tables(connection, schema);
        relations.addAll(tables(connection, schema, "VIEW"));
        for (String table : relations) {
            String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (var rs = meta.getColumns(null, schema, stored, "%")) {
                while (rs.next()) {
                    lines.add(table + " column " + rs.getInt("ORDINAL_POSITION") + " "
                            + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + rs.getString("TYPE_NAME")
                            + "(" + rs.getInt("COLUMN_SIZE") + ") " + rs.getString("IS_NULLABLE"));
                }
            }
            try (var rs = meta.getPrimaryKeys(null, schema, stored)) {
                while (rs.next()) {
                    lines.add(table + " primary key " + rs.getString("PK_NAME").toLowerCase(Locale.ROOT) + " "
                            + rs.getInt("KEY_SEQ") + " " + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            try (var rs = meta.getImportedKeys(null, schema, stored)) {
                while (rs.next()) {
                    lines.add(table + " foreign key " + rs.getString("FK_NAME").toLowerCase(Locale.ROOT) + " "
                            + rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                            + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + " on delete "
                            + rs.getShort("DELETE_RULE"));
                }
            }
            indexes(connection, schema, table).forEach((name, columns) -> {
                if (name.startsWith("ix_")) {
                    lines.add(table + " index " + name + " " + columns);
                }
            });
            try (var rs = meta.getIndexInfo(null, schema, stored, false, false)) {
                while (rs.next()) {
                    if (rs.getString("FILTER_CONDITION") != null) { // partial indexes (PostgreSQL)
                        lines.add(table + " index " + rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT)
                                + " where " + rs.getString("FILTER_CONDITION"));
                    }
                }
            }
        }
        java.util.Collections.sort(lines);
        return String.join("\n", lines);
    }

    /**
     * A flow with its state document; once ended (its final document in its row) the completion
     * view shows it; deleting the flow removes its storage row.
     */
    static void assertDeleteCascades(Connection connection) throws SQLException {
        String flowId = UUID.randomUUID().toString();
        var now = Timestamp.from(Instant.now());
        try (var insert = connection.prepareStatement("INSERT INTO flowexec_Flows (flow_id, definition_name,"
                + " definition_version, status, current_state, storage_id, launched_by, depth, started_at,"
                + " updated_at, row_version) VALUES (?, 'CarLoan', 1, 'running', 'Start', ?, 'alice', 0, ?, ?, 1)")) {
            insert.setString(1, flowId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            assertEquals(1, insert.executeUpdate());
        }
        try (var insert = connection.prepareStatement(
                "INSERT INTO flowexec_Storage (flow_id, state_document, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, flowId);
            insert.setString(2, "{\"variables\":{},\"stack\":[]}".repeat(2000));
            insert.setTimestamp(3, now);
            assertEquals(1, insert.executeUpdate());
        }
        assertEquals(1, count(connection, "flowexec_Storage", flowId));
        assertEquals(0, count(connection, "flowexec_Completion", flowId), "running: not in the completion view");
        var endedAt = Timestamp.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        try (var end = connection.prepareStatement("UPDATE flowexec_Flows SET status = 'completed', ended_at = ?,"
                + " state_document = ? WHERE flow_id = ?")) {
            end.setTimestamp(1, endedAt);
            end.setString(2, "{\"variables\":{},\"stack\":[]}".repeat(2000));
            end.setString(3, flowId);
            assertEquals(1, end.executeUpdate());
        }
        try (var query = connection.prepareStatement("SELECT final_status, completed_at FROM flowexec_Completion"
                + " WHERE flow_id = ?")) {
            query.setString(1, flowId);
            try (var rs = query.executeQuery()) {
                assertTrue(rs.next(), "ended: in the completion view");
                assertEquals("completed", rs.getString(1));
                assertEquals(endedAt, rs.getTimestamp(2));
            }
        }

        try (var delete = connection.prepareStatement("DELETE FROM flowexec_Flows WHERE flow_id = ?")) {
            delete.setString(1, flowId);
            assertEquals(1, delete.executeUpdate());
        }
        assertEquals(0, count(connection, "flowexec_Storage", flowId), "storage row cascaded");
        assertEquals(0, count(connection, "flowexec_Completion", flowId), "gone from the completion view");
    }

    private static int count(Connection connection, String table, String flowId) throws SQLException {
        try (var query = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE flow_id = ?")) {
            query.setString(1, flowId);
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static TreeSet<String> tables(Connection connection, String schema) throws SQLException {
        return tables(connection, schema, "TABLE");
    }

    private static TreeSet<String> tables(Connection connection, String schema, String type) throws SQLException {
        var names = new TreeSet<String>();
        try (var rs = connection.getMetaData().getTables(null, schema, "%", new String[] {type})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Index name to its columns in key order, names lower-cased (H2 stores them upper-case). */
    private static Map<String, List<String>> indexes(Connection connection, String schema, String table)
            throws SQLException {
        var meta = connection.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        var columns = new TreeMap<String, TreeMap<Integer, String>>();
        try (var rs = meta.getIndexInfo(null, schema, stored, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") == null || rs.getString("COLUMN_NAME") == null) {
                    continue;
                }
                columns.computeIfAbsent(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                        .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        var result = new TreeMap<String, List<String>>();
        columns.forEach((name, byPosition) -> result.put(name, new ArrayList<>(byPosition.values())));
        return result;
    }
}
