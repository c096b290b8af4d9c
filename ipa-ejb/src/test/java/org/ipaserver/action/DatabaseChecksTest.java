package org.ipaserver.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.ipaserver.catalog.DefinitionValidator;
import org.ipaserver.catalog.ValidationReport;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.Test;

/** What publishing refuses in a Database action, each problem at its JSON path. */
class DatabaseChecksTest {

    private static final String AT = "$.states[0].actions[0]";
    private final DefinitionValidator validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());

    private ValidationReport validate(String action) {
        return validator.validate("""
                {"name": "Orders", "startState": "S",
                 "securitySpecifications": [{"name": "Private", "users": ["alice"]}],
                 "variables": [{"name": "Customer", "type": "String"}, {"name": "Id", "type": "Integer"},
                               {"name": "Ids", "type": "Integer", "list": true}, {"name": "Count", "type": "Integer"},
                               {"name": "State", "type": "String"},
                               {"name": "Card", "type": "String", "securitySpecification": "Private"}],
                 "states": [{"name": "S", "actions": [%s]}]}
                """.formatted(action));
    }

    @Test
    void aQueryAndAnUpdateWithTheirOutputsAreValid() {
        var query = validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "query",
                 "statement": "SELECT id FROM orders WHERE customer = ? AND note <> 'why?' -- what?\\n AND id > ?",
                 "parameters": ["${Customer}", "${Id}"], "maxRows": 50, "timeout": "PT5S",
                 "outputs": {"id": "Id", "rowCount": "Count", "sqlState": "State"}, "listOutputs": {"id": "Ids"},
                 "exits": {"failure": [{"type": "EndProcess"}]}}""");
        assertEquals(List.of(), query.problems());
        var update = validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "update",
                 "statement": "CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY)",
                 "outputs": {"updateCount": "Count"}}""");
        assertEquals(List.of(), update.problems());
    }

    @Test
    void aStatementIsNeverATemplate() {
        var report = validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "update",
                 "statement": "DELETE FROM orders WHERE customer = '${Customer}'"}""");
        assertProblem(report, AT + ".statement", "put a ? where a value goes and its expression in 'parameters'");
        assertProblem(validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "update",
                 "statement": "DELETE FROM orders WHERE id = #{Id}"}"""), AT + ".statement", "never a template");
    }

    @Test
    void placeholdersAndParametersMatchInNumber() {
        var report = validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "query",
                 "statement": "SELECT id FROM orders WHERE customer = ? AND id = ?", "parameters": ["${Customer}"]}""");
        assertProblem(report, AT + ".parameters", "the statement has 2 ? placeholders and 1 parameter");
    }

    @Test
    void theDataSourceIsAJndiNameUnderJdbc() {
        assertProblem(validate("""
                {"type": "Database", "dataSource": "orders", "kind": "query", "statement": "SELECT 1"}"""),
                AT + ".dataSource", "starts with 'jdbc/'");
        assertProblem(validate("""
                {"type": "Database", "kind": "query", "statement": "SELECT 1"}"""), AT + ".dataSource", "required");
    }

    @Test
    void kindMaxRowsAndOutputsFitTheStatement() {
        assertProblem(validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "select", "statement": "SELECT 1"}"""),
                AT + ".kind", "kind is 'query'");
        assertProblem(validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "statement": "SELECT 1"}"""), AT + ".kind",
                "required");
        assertProblem(validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "query", "statement": "SELECT 1",
                 "maxRows": 0}"""), AT + ".maxRows", "from 1 to");
        var update = validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "update", "statement": "DELETE FROM t",
                 "outputs": {"id": "Id", "rowCount": "Count"}, "listOutputs": {"id": "Ids"}}""");
        assertProblem(update, AT + ".outputs.id", "an update gives no columns");
        assertProblem(update, AT + ".outputs.rowCount", "not rowCount");
        assertProblem(update, AT + ".listOutputs", "listOutputs are for kind 'query'");
        var query = validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "query", "statement": "SELECT id FROM t",
                 "outputs": {"id": "Ids", "updateCount": "Count", "name": "Nobody", "id[]": "Ids"},
                 "listOutputs": {"id": "Id"}}""");
        assertProblem(query, AT + ".outputs.id", "map the column in listOutputs");
        assertProblem(query, AT + ".outputs.updateCount", "not updateCount");
        assertProblem(query, AT + ".outputs.name", "unknown variable 'Nobody'");
        assertProblem(query, AT + ".listOutputs.id", "holds one value");
        assertProblem(query, AT + ".outputs.id[]", "name the column alone");
    }

    @Test
    void parametersAreCheckedAtTheirPlaceAndSecuredOnesNeedTrust() {
        var report = validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "update",
                 "statement": "UPDATE cards SET number = ? WHERE owner = ?", "parameters": ["${Card}", "${Nobody}"]}""");
        assertProblem(report, AT + ".parameters[0]", "list 'Private' in the Database's securitySpecifications");
        assertProblem(report, AT + ".parameters[1]", "unknown variable 'Nobody'");
        var trusted = validate("""
                {"type": "Database", "dataSource": "jdbc/orders", "kind": "update",
                 "statement": "UPDATE cards SET number = ?", "parameters": ["${Card}"],
                 "securitySpecifications": ["Private"]}""");
        assertEquals(List.of(), trusted.problems());
    }

    @Test
    void placeholdersInLiteralsAndCommentsAreNotCounted() {
        assertEquals(2, StatementPlaceholders.count("SELECT '?', \"a?\" FROM t /* ? */ WHERE a = ? -- ?\nAND b = ?"));
        assertEquals(1, StatementPlaceholders.count("SELECT 'it''s ?' WHERE x = ?"));
        assertEquals(0, StatementPlaceholders.count("SELECT 'unterminated ?"));
    }

    private static void assertProblem(ValidationReport report, String path, String fragment) {
        assertTrue(report.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(fragment)),
                "expected a problem at " + path + " containing '" + fragment + "', got:\n"
                        + String.join("\n", report.problems().stream().map(Problem::toString).toList()));
    }
}
