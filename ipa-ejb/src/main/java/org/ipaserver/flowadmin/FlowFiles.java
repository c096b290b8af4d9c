package org.ipaserver.flowadmin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ipaserver.flow.FlowOwner;

/**
 * Export of flows to files, one JSON document per flow holding its rows in every table that
 * belongs to it and the definition version it runs, and their import into another database under
 * the migration storage ID, which no instance owns until an administrator transfers them. Rows
 * are carried column by column, so a file is read only by a database of the same schema version.
 */
final class FlowFiles {

    static final String FORMAT = "ipa-server flow export";
    /** The tables of one flow, parents first (the order of an import). */
    static final List<String> TABLES = List.of("flowexec_Flows", "flowexec_Storage", "ipa_WorkItems",
            "ipa_VariableReports", "ipa_RelatedInteractions");

    private FlowFiles() {
    }

    /** Writes {@code <dir>/<flow id>.json} for each flow; answers how many. */
    static int export(Database db, List<String> flowIds, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        // one consistent state of every flow, even while an instance changes them
        return db.consistently(() -> write(db, flowIds, dir));
    }

    private static int write(Database db, List<String> flowIds, Path dir) throws SQLException, IOException {
        int version = db.schemaVersion();
        for (var id : flowIds) {
            var flow = Json.createObjectBuilder().add("format", FORMAT).add("schemaVersion", version).add("flow", id);
            var tables = Json.createObjectBuilder();
            for (var table : TABLES) {
                tables.add(table, rows(db, "SELECT * FROM " + table + " WHERE flow_id = " + db.text(id)));
            }
            var flowTables = tables.build();
            var flowRows = flowTables.getJsonObject("flowexec_Flows").getJsonArray("rows");
            if (flowRows.isEmpty()) {
                throw new Database.Refused("no flow " + id + "; the files before it were written");
            }
            var row = flowRows.getJsonObject(0);
            flow.add("definition", rows(db, "SELECT * FROM ipa_Definitions WHERE definition_name = "
                    + db.text(row.getString("definition_name")) + " AND definition_version = "
                    + row.getJsonNumber("definition_version").longValue()));
            try (var out = Files.newBufferedWriter(dir.resolve(id + ".json"));
                 var json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(out)) {
                json.write(flow.add("tables", flowTables).build());
            }
        }
        return flowIds.size();
    }

    /** {"rows": [{column: value}]}: values as JSON, times as ISO local date-times in UTC. */
    private static JsonObject rows(Database db, String query) throws SQLException {
        var rows = Json.createArrayBuilder();
        try (var statement = db.connection.createStatement(); var result = statement.executeQuery(query)) {
            var meta = result.getMetaData();
            while (result.next()) {
                var row = Json.createObjectBuilder();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), value(result, c, meta.getColumnType(c)));
                }
                rows.add(row);
            }
        }
        return Json.createObjectBuilder().add("rows", rows).build();
    }

    private static JsonValue value(ResultSet result, int column, int type) throws SQLException {
        JsonValue value = switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                var time = result.getObject(column, LocalDateTime.class); // as written: no time zone between
                yield time == null ? null : Json.createValue(time.toString());
            }
            case Types.BOOLEAN, Types.BIT -> result.getBoolean(column) ? JsonValue.TRUE : JsonValue.FALSE;
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> Json.createValue(result.getLong(column));
            case Types.NUMERIC, Types.DECIMAL -> {
                var number = result.getBigDecimal(column);
                yield number == null ? null : Json.createValue(number);
            }
            default -> {
                var text = result.getString(column);
                yield text == null ? null : Json.createValue(text);
            }
        };
        return value == null || result.wasNull() ? JsonValue.NULL : value;
    }

    /** What an import will write: the flows read from the files and the statements. */
    record Plan(List<String> flows, List<String> definitionsAdded, List<Database.Change> changes) {
    }

    /**
     * Reads every {@code *.json} file of {@code dir} and makes the statements that insert its flows
     * under the migration storage ID. Refuses, before anything is written, a file that is not an
     * export, another schema version, a flow that exists already and a definition version that
     * exists with another source.
     */
    static Plan importPlan(Database db, Path dir) throws SQLException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new Database.Refused("no directory " + dir);
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new Database.Refused("no exported flow (*.json) in " + dir);
        }
        int version = db.schemaVersion();
        var columns = new LinkedHashMap<String, Map<String, Integer>>();
        for (var table : TABLES) {
            columns.put(table, columnTypes(db, table));
        }
        var definitionColumns = columnTypes(db, "ipa_Definitions");
        var flows = new ArrayList<String>();
        var added = new ArrayList<String>();
        var changes = new ArrayList<Database.Change>();
        var sources = new LinkedHashMap<String, String>();
        for (var file : files) {
            try {
                readFile(db, file, version, columns, definitionColumns, flows, added, changes, sources);
            } catch (ClassCastException | NullPointerException e) {
                throw new Database.Refused(file + ": not a flow export as flow-admin writes it (a member is missing "
                        + "or of another JSON type: " + e.getMessage() + "); nothing was imported");
            }
        }
        return new Plan(flows, added, changes);
    }

    private static void readFile(Database db, Path file, int version, Map<String, Map<String, Integer>> columns,
                                 Map<String, Integer> definitionColumns, List<String> flows, List<String> added,
                                 List<Database.Change> changes, Map<String, String> sources) throws SQLException, IOException {
        var export = read(file);
        if (!FORMAT.equals(export.getString("format", null))) {
            throw new Database.Refused(file + ": $.format is not \"" + FORMAT + "\": not a flow export");
        }
        int from = number(file, export, "schemaVersion");
        if (from != version) {
            throw new Database.Refused(file + ": exported from schema version " + from + ", this database holds "
                    + version + ": bring both to the same version first (sql/<db>/upgrade-N.sql)");
        }
        var id = Database.id(string(file, export, "flow"), file + ": $.flow");
        if (flows.contains(id) || !db.strings("SELECT flow_id FROM flowexec_Flows WHERE flow_id = "
                + db.text(id)).isEmpty()) {
            throw new Database.Refused(file + ": flow " + id + " exists already" + (flows.contains(id)
                    ? " in another file" : " in this database") + "; nothing was imported");
        }
        flows.add(id);
        var tables = export.getJsonObject("tables");
        var flowRows = tables.getJsonObject("flowexec_Flows").getJsonArray("rows");
        if (flowRows.size() != 1) {
            throw new Database.Refused(file + ": $.tables.flowexec_Flows.rows must hold the flow's one row");
        }
        var flowRow = flowRows.getJsonObject(0);
        var definitions = export.getJsonObject("definition").getJsonArray("rows");
        for (int i = 0; i < definitions.size(); i++) {
            var definition = definitions.getJsonObject(i);
            if (!definition.getString("definition_name").equals(flowRow.getString("definition_name"))
                    || !definition.getJsonNumber("definition_version").equals(flowRow.getJsonNumber("definition_version"))) {
                throw new Database.Refused(file + ": $.definition.rows[" + i + "] is not the definition version flow "
                        + id + " runs; nothing was imported");
            }
            var key = definition.getString("definition_name") + " version "
                    + definition.getJsonNumber("definition_version").longValue();
            var source = definition.getString("source");
            var existing = definitionSource(db, definition);
            if (existing != null && !existing.equals(source) || sources.containsKey(key)
                    && !sources.get(key).equals(source)) {
                throw new Database.Refused(file + ": process " + key + " exists here with another definition: "
                        + "publish the flows' definition under a new version elsewhere, or import where it matches");
            }
            if (existing == null && !sources.containsKey(key)) {
                changes.add(insert(db, file, "ipa_Definitions", definitionColumns, definition, "$.definition.rows[" + i + "]",
                        "process " + key + ", which the flows run"));
                added.add(key);
            }
            sources.put(key, source);
        }
        for (var table : TABLES) {
            var rows = tables.getJsonObject(table).getJsonArray("rows");
            for (int i = 0; i < rows.size(); i++) {
                var row = rows.getJsonObject(i);
                var path = "$.tables." + table + ".rows[" + i + "]";
                if (!id.equals(row.getString("flow_id", null))) {
                    throw new Database.Refused(file + ": " + path + ".flow_id is not " + id);
                }
                if (table.equals("flowexec_Flows")) {
                    // a call's lease stays: the transfer that gives the flow an owner restores it in error
                    row = Json.createObjectBuilder(row).add("storage_id", FlowOwner.MIGRATION_STORAGE_ID)
                            .add("owner_epoch", 0).build();
                }
                changes.add(insert(db, file, table, columns.get(table), row, path, "flow " + id));
            }
        }
    }

    private static Database.Change insert(Database db, Path file, String table, Map<String, Integer> types, JsonObject row,
                                          String path, String what) {
        var names = new ArrayList<String>();
        var values = new ArrayList<String>();
        for (var column : row.entrySet()) {
            var type = types.get(column.getKey());
            if (type == null) {
                throw new Database.Refused(file + ": " + path + "." + column.getKey() + ": " + table + " has no such column");
            }
            names.add(column.getKey());
            values.add(literal(db, file, path + "." + column.getKey(), type, column.getValue()));
        }
        return new Database.Change(table + " row of " + what, "INSERT INTO " + table + " (" + String.join(", ", names)
                + ") VALUES (" + String.join(", ", values) + ")", 1);
    }

    private static String literal(Database db, Path file, String path, int type, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return "NULL";
        }
        try {
            return switch (type) {
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
                        db.time(LocalDateTime.parse(((JsonString) value).getString()));
                case Types.BOOLEAN, Types.BIT -> db.bool(value == JsonValue.TRUE ? true : value == JsonValue.FALSE
                        ? false : fail(path + " must be true or false"));
                case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT ->
                        Long.toString(((JsonNumber) value).longValueExact());
                case Types.NUMERIC, Types.DECIMAL -> ((JsonNumber) value).bigDecimalValue().toPlainString();
                default -> db.text(((JsonString) value).getString());
            };
        } catch (ClassCastException | ArithmeticException | DateTimeParseException | IllegalArgumentException e) {
            throw new Database.Refused(file + ": " + path + " is not a value of its column (" + value + ")");
        }
    }

    private static boolean fail(String message) {
        throw new IllegalArgumentException(message);
    }

    private static Map<String, Integer> columnTypes(Database db, String table) throws SQLException {
        var types = new LinkedHashMap<String, Integer>();
        try (var statement = db.connection.createStatement();
             var result = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            var meta = result.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                types.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), meta.getColumnType(c));
            }
        }
        return types;
    }

    private static String definitionSource(Database db, JsonObject definition) throws SQLException {
        try (var query = db.connection.prepareStatement(
                "SELECT source FROM ipa_Definitions WHERE definition_name = ? AND definition_version = ?")) {
            query.setString(1, definition.getString("definition_name"));
            query.setLong(2, definition.getJsonNumber("definition_version").longValue());
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static JsonObject read(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file); var json = Json.createReader(in)) {
            return json.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Database.Refused(file + ": not one JSON object (" + e.getMessage() + ")");
        }
    }

    private static int number(Path file, JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonNumber number) || !number.isIntegral()) {
            throw new Database.Refused(file + ": $." + name + " must be a whole number");
        }
        return number.intValue();
    }

    private static String string(Path file, JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString text)) {
            throw new Database.Refused(file + ": $." + name + " must be a string");
        }
        return text.getString();
    }
}
