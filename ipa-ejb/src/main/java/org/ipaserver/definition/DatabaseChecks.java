package org.ipaserver.definition;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Publish-time checks of the Database action, beyond what every external action shares. The
 * statement is a literal with {@code ?} placeholders: values only ever reach the database as
 * bound parameters, so that no variable can change what the statement does (SQL injection).
 */
final class DatabaseChecks {

    /** A list variable holds at most 10,000 items (FlowLimits): more rows could not be stored. */
    static final int MAX_ROWS_LIMIT = 10_000;
    private static final Pattern DATA_SOURCE = Pattern.compile("jdbc/[A-Za-z0-9_][A-Za-z0-9_./-]{0,250}");

    private final List<Problem> problems;

    DatabaseChecks(List<Problem> problems) {
        this.problems = problems;
    }

    void check(ActionDef.Database action, Map<String, VariableDef> vars) {
        var path = action.path();
        if (action.dataSource() != null && !DATA_SOURCE.matcher(action.dataSource()).matches()) {
            error(path + ".dataSource", "a data source is named by its JNDI name, which starts with 'jdbc/' "
                    + "(jdbc/orders): the server defines it (asadmin create-jdbc-resource, or the admin console)");
        }
        statement(action);
        if (action.kind() != null && !ActionDef.Database.QUERY.equals(action.kind())
                && !ActionDef.Database.UPDATE.equals(action.kind())) {
            error(path + ".kind", "kind is 'query' (a statement giving rows) or 'update' (a statement giving an "
                    + "update count: INSERT, UPDATE, DELETE, DDL)");
        }
        if (action.maxRows() < 1 || action.maxRows() > MAX_ROWS_LIMIT) {
            error(path + ".maxRows", "maxRows is a whole number from 1 to " + MAX_ROWS_LIMIT);
        }
        outputs(action, vars);
    }

    private void statement(ActionDef.Database action) {
        var sql = action.statement();
        if (sql == null) {
            return;
        }
        if (sql.contains("${") || sql.contains("#{")) {
            error(action.path() + ".statement", "the statement is SQL as written, never a template: put a ? "
                    + "where a value goes and its expression in 'parameters', in the same order");
            return;
        }
        int placeholders = StatementPlaceholders.count(sql);
        if (placeholders != action.parameters().size()) {
            error(action.path() + ".parameters", "the statement has " + placeholders + " ? placeholder"
                    + (placeholders == 1 ? "" : "s") + " and " + action.parameters().size() + " parameter"
                    + (action.parameters().size() == 1 ? "" : "s") + ": give one parameter per ?, in order");
        }
    }

    private void outputs(ActionDef.Database action, Map<String, VariableDef> vars) {
        var path = action.path();
        if (action.kind() == null) {
            return;
        }
        var query = action.query();
        action.columns().forEach((name, target) -> {
            var at = path + ".outputs." + name;
            var special = ActionDef.Database.RESERVED.contains(name);
            if (name.endsWith(ActionDef.Database.LIST_SUFFIX)) {
                error(at, "name the column alone: map it in listOutputs to collect it from every row");
            }
            if (query && name.equals("updateCount")) {
                error(at, "a query gives rowCount (the rows read), not updateCount");
            } else if (!query && name.equals("rowCount")) {
                error(at, "an update gives updateCount (the rows changed), not rowCount");
            } else if (!query && !special) {
                error(at, "an update gives no columns: its outputs are updateCount, sqlState and errorCode");
            }
            var variable = vars.get(target);
            if (variable != null && variable.type() != null && variable.type().list()) {
                error(at, "variable '" + target + "' is a list: " + (special ? "'" + name + "' is one value"
                        : "map the column in listOutputs to collect it from every row"));
            }
        });
        if (!query && !action.listColumns().isEmpty()) {
            error(path + ".listOutputs", "an update gives no rows: listOutputs are for kind 'query'");
        }
        action.listColumns().forEach((column, target) -> {
            var variable = vars.get(target);
            if (variable != null && variable.type() != null && !variable.type().list()) {
                error(path + ".listOutputs." + column, "variable '" + target + "' holds one value: a list output "
                        + "fills a List variable with the column of every row (map it in outputs for the first row)");
            }
        });
    }

    private void error(String path, String message) {
        problems.add(Problem.error(path, message));
    }
}
