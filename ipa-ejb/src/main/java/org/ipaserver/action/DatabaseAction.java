package org.ipaserver.action;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ipaserver.definition.ActionDef.Database;

/**
 * A parameterised statement on a data source the server defines ({@code jdbc/...}), in a
 * transaction of its own. The statement is a literal with {@code ?} placeholders: values only
 * ever reach the database as bound parameters, so that no variable can change what the statement
 * does (SQL injection).
 */
final class DatabaseAction extends ExternalAction<Database> {

    static final int DEFAULT_MAX_ROWS = 1000;
    /** A list variable holds at most 10,000 items: more rows could not be stored. */
    static final int MAX_ROWS_LIMIT = 10_000;
    private static final Pattern DATA_SOURCE = Pattern.compile("jdbc/[A-Za-z0-9_][A-Za-z0-9_./-]{0,250}");

    @Override
    public List<String> names() {
        return List.of("Database");
    }

    @Override
    public Class<Database> model() {
        return Database.class;
    }

    @Override
    List<String> ownMembers() {
        return List.of("dataSource", "statement", "parameters", "kind", "outputs", "listOutputs", "maxRows");
    }

    @Override
    Database read(ActionJson json, Shared shared) {
        var maxRows = json.integer("maxRows");
        return new Database(json.label(), json.requiredString("dataSource"), json.requiredString("statement"),
                json.strings("parameters"), json.requiredString("kind"), json.stringMap("outputs"),
                json.stringMap("listOutputs"), maxRows == null ? DEFAULT_MAX_ROWS : maxRows, shared.timeout(),
                shared.trusted(), shared.exits(), json.path());
    }

    @Override
    void checkOwn(Database action, ActionCheck check, Map<String, Object> samples) {
        var path = action.path();
        if (action.dataSource() != null && !DATA_SOURCE.matcher(action.dataSource()).matches()) {
            check.error(path + ".dataSource", "a data source is named by its JNDI name, which starts with 'jdbc/' "
                    + "(jdbc/orders): the server defines it (asadmin create-jdbc-resource, or the admin console)");
        }
        statement(action, check);
        if (action.kind() != null && !Database.QUERY.equals(action.kind()) && !Database.UPDATE.equals(action.kind())) {
            check.error(path + ".kind", "kind is 'query' (a statement giving rows) or 'update' (a statement giving an "
                    + "update count: INSERT, UPDATE, DELETE, DDL)");
        }
        if (action.maxRows() < 1 || action.maxRows() > MAX_ROWS_LIMIT) {
            check.error(path + ".maxRows", "maxRows is a whole number from 1 to " + MAX_ROWS_LIMIT);
        }
        if (action.kind() != null) {
            outputs(action, check);
        }
    }

    private static void statement(Database action, ActionCheck check) {
        var sql = action.statement();
        if (sql == null) {
            return;
        }
        if (sql.contains("${") || sql.contains("#{")) {
            check.error(action.path() + ".statement", "the statement is SQL as written, never a template: put a ? "
                    + "where a value goes and its expression in 'parameters', in the same order");
            return;
        }
        int placeholders = StatementPlaceholders.count(sql);
        if (placeholders != action.parameters().size()) {
            check.error(action.path() + ".parameters", "the statement has " + placeholders + " ? placeholder"
                    + (placeholders == 1 ? "" : "s") + " and " + action.parameters().size() + " parameter"
                    + (action.parameters().size() == 1 ? "" : "s") + ": give one parameter per ?, in order");
        }
    }

    private static void outputs(Database action, ActionCheck check) {
        var path = action.path();
        var query = action.query();
        action.columns().forEach((name, target) -> {
            var at = path + ".outputs." + name;
            var special = Database.RESERVED.contains(name);
            if (name.endsWith(Database.LIST_SUFFIX)) {
                check.error(at, "name the column alone: map it in listOutputs to collect it from every row");
            }
            if (query && name.equals("updateCount")) {
                check.error(at, "a query gives rowCount (the rows read), not updateCount");
            } else if (!query && name.equals("rowCount")) {
                check.error(at, "an update gives updateCount (the rows changed), not rowCount");
            } else if (!query && !special) {
                check.error(at, "an update gives no columns: its outputs are updateCount, sqlState and errorCode");
            }
            var variable = check.variables().get(target);
            if (variable != null && variable.type() != null && variable.type().list()) {
                check.error(at, "variable '" + target + "' is a list: " + (special ? "'" + name + "' is one value"
                        : "map the column in listOutputs to collect it from every row"));
            }
        });
        if (!query && !action.listColumns().isEmpty()) {
            check.error(path + ".listOutputs", "an update gives no rows: listOutputs are for kind 'query'");
        }
        action.listColumns().forEach((column, target) -> {
            var variable = check.variables().get(target);
            if (variable != null && variable.type() != null && !variable.type().list()) {
                check.error(path + ".listOutputs." + column, "variable '" + target + "' holds one value: a list "
                        + "output fills a List variable with the column of every row (map it in outputs for the "
                        + "first row)");
            }
        });
    }
}
