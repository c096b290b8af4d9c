package org.ipaserver.integration.database;

import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ipaserver.action.CallResult;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableType;

/**
 * Reads a query's rows into the action's outputs: each column in {@code outputs} from the first
 * row, each column in {@code listOutputs} from every row (at most maxRows) as a JSON array text,
 * and rowCount. A NULL, or no row at all, leaves a single-value variable as it was.
 */
final class QueryRows {

    static final String ROW_COUNT = "rowCount";

    private QueryRows() {
    }

    static CallResult read(PreparedStatement statement, ActionDef.Database action) throws SQLException {
        statement.setMaxRows(action.maxRows());
        try (var rows = statement.executeQuery()) {
            var meta = rows.getMetaData();
            var first = columns(action.columns().keySet().stream()
                    .filter(name -> !ActionDef.Database.RESERVED.contains(name)).toList(), meta);
            if (first == null) {
                return missingColumn(action, meta);
            }
            var every = columns(List.copyOf(action.listColumns().keySet()), meta);
            if (every == null) {
                return missingColumn(action, meta);
            }
            var outputs = new LinkedHashMap<String, String>();
            var lists = new HashMap<String, List<Object>>();
            every.keySet().forEach(name -> lists.put(name, new ArrayList<>()));
            int count = 0;
            while (count < action.maxRows() && rows.next()) {
                if (count == 0) {
                    for (var column : first.entrySet()) {
                        var value = ColumnValues.read(rows, meta, column.getValue());
                        if (value != null) {
                            outputs.put(column.getKey(), TypedValues.coerce(value, VariableType.STRING).toString());
                        }
                    }
                }
                for (var column : every.entrySet()) {
                    lists.get(column.getKey()).add(ColumnValues.read(rows, meta, column.getValue()));
                }
                count++;
            }
            lists.forEach((name, values) -> outputs.put(name + ActionDef.Database.LIST_SUFFIX,
                    TypedValues.toJson(values).toString()));
            outputs.put(ROW_COUNT, String.valueOf(count));
            return new CallResult(CallResult.SUCCESS, outputs, null);
        }
    }

    /**
     * Output name → column index, by label ignoring case (H2 upper-cases unquoted names, PostgreSQL
     * lower-cases them); null when a column is missing.
     */
    private static Map<String, Integer> columns(List<String> names, ResultSetMetaData meta)
            throws SQLException {
        var indexes = new LinkedHashMap<String, Integer>();
        for (var name : names) {
            for (int i = 1; i <= meta.getColumnCount() && !indexes.containsKey(name); i++) {
                if (meta.getColumnLabel(i).equalsIgnoreCase(name)) {
                    indexes.put(name, i);
                }
            }
            if (!indexes.containsKey(name)) {
                return null;
            }
        }
        return indexes;
    }

    private static CallResult missingColumn(ActionDef.Database action, ResultSetMetaData meta) throws SQLException {
        var labels = new ArrayList<String>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        var wanted = new ArrayList<String>(action.columns().keySet());
        wanted.removeAll(ActionDef.Database.RESERVED);
        wanted.addAll(action.listColumns().keySet());
        wanted.removeIf(name -> labels.contains(name.toLowerCase(Locale.ROOT)));
        return CallResult.failure("the query on '" + action.dataSource() + "' gives no column " + wanted
                + " (its columns: " + String.join(", ", labels) + ")");
    }
}
