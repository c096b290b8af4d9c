package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Database action on the deployed EAR, against the data source ipa-ear/pom.xml names in
 * ipa.it.sqlDataSource: jdbc/__default (the embedded H2 every Payara domain has) on an H2 run,
 * jdbc/ipa-it-postgresql on a PostgreSQL run. Each test works in a table of its own and drops it.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseActionIT {

    private static final String DATA_SOURCE = System.getProperty("ipa.it.sqlDataSource", "jdbc/__default");

    private static final String SECRET_NAME = "Zebediah'; DROP TABLE t; --";

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private Api api() {
        return Api.at(contextRoot);
    }

    @Test
    void aFlowCreatesInsertsAndQueriesAndAConstraintViolationTakesTheFailureExit() {
        var table = "ipa_it_orders_" + System.nanoTime();
        var flow = run(publish("""
                [ { "name": "Id", "type": "Integer", "initial": 7 },
                  { "name": "Customer", "type": "String", "initial": "%s" },
                  { "name": "Amount", "type": "Decimal", "initial": 19.99 },
                  { "name": "Placed", "type": "DateTime", "initial": "2026-01-31T09:30:00Z" },
                  { "name": "Inserted", "type": "Integer" }, { "name": "Name", "type": "String" },
                  { "name": "PlacedBack", "type": "DateTime" }, { "name": "Found", "type": "Integer" },
                  { "name": "Ids", "type": "Integer", "list": true }, { "name": "State", "type": "String" },
                  { "name": "Outcome", "type": "String", "initial": "stored" } ]""".formatted(SECRET_NAME), """
                { "type": "Database", "name": "create", "dataSource": "%2$s", "kind": "update",
                  "statement": "CREATE TABLE IF NOT EXISTS %1$s (id BIGINT PRIMARY KEY, customer VARCHAR(100), amount DECIMAL(12,2), placed TIMESTAMP)" },
                { "type": "Database", "name": "insert", "dataSource": "%2$s", "kind": "update",
                  "statement": "INSERT INTO %1$s (id, customer, amount, placed) VALUES (?, ?, ?, ?)",
                  "parameters": [ "${Id}", "${Customer}", "${Amount}", "${Placed}" ],
                  "outputs": { "updateCount": "Inserted" } },
                { "type": "Database", "name": "read back", "dataSource": "%2$s", "kind": "query",
                  "statement": "SELECT id, customer, placed FROM %1$s WHERE amount > ? ORDER BY id",
                  "parameters": [ "${Amount - 1}" ], "timeout": "PT10S",
                  "outputs": { "customer": "Name", "placed": "PlacedBack", "rowCount": "Found" },
                  "listOutputs": { "id": "Ids" } },
                { "type": "Database", "name": "insert again", "dataSource": "%2$s", "kind": "update",
                  "statement": "INSERT INTO %1$s (id, customer) VALUES (?, ?)", "parameters": [ "${Id}", "${Customer}" ],
                  "outputs": { "sqlState": "State" },
                  "exits": { "failure": [ { "type": "UpdateVariables",
                                            "assignments": [ { "variable": "Outcome", "value": "duplicate" } ] } ] } },
                { "type": "Database", "name": "drop", "dataSource": "%2$s", "kind": "update",
                  "statement": "DROP TABLE %1$s" }""".formatted(table, DATA_SOURCE)));

        assertEquals("completed", flow.getString("status"), flow::toString);
        var variables = flow.getJsonObject("variables");
        assertEquals(1, variables.getInt("Inserted"));
        assertEquals(SECRET_NAME, variables.getString("Name"), "a value that looks like SQL stays data");
        assertEquals("2026-01-31T09:30:00Z", variables.getString("PlacedBack"));
        assertEquals(1, variables.getInt("Found"));
        assertEquals(1, variables.getJsonArray("Ids").size());
        assertEquals(7, variables.getJsonArray("Ids").getInt(0));
        assertEquals("23505", variables.getString("State"));
        assertEquals("duplicate", variables.getString("Outcome"));
    }

    @Test
    void aFailingStatementWithoutAFailurePathPutsTheFlowInErrorWithItsSqlStateOnly() {
        var flow = run(publish("""
                [ { "name": "Customer", "type": "String", "initial": "%s" } ]""".formatted(SECRET_NAME), """
                { "type": "Database", "dataSource": "%s", "kind": "query",
                  "statement": "SELECT id FROM ipa_it_no_such_table WHERE customer = ?",
                  "parameters": [ "${Customer}" ] }""".formatted(DATA_SOURCE)));

        assertEquals("error", flow.getString("status"), flow::toString);
        var error = flow.getString("error");
        assertTrue(error.contains("SQL state 42"), error);
        assertTrue(error.contains("syntax error or access rule violation"), error);
        assertFalse(error.contains("Zebediah") || error.toUpperCase().contains("IPA_IT_NO_SUCH_TABLE"), error);
    }

    @Test
    void aDataSourceTheServerDoesNotHaveTakesTheFailureExit() {
        var flow = run(publish("""
                [ { "name": "Outcome", "type": "String", "initial": "found" } ]""", """
                { "type": "Database", "dataSource": "jdbc/ipa-it-nowhere", "kind": "query", "statement": "SELECT 1",
                  "exits": { "failure": [ { "type": "UpdateVariables",
                                            "assignments": [ { "variable": "Outcome", "value": "missing" } ] } ] } }"""));

        assertEquals("completed", flow.getString("status"), flow::toString);
        assertEquals("missing", flow.getJsonObject("variables").getString("Outcome"));
    }

    private String publish(String variables, String actions) {
        var name = "Database" + System.nanoTime();
        var published = api().post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S", "variables": %s,
                  "states": [ { "name": "S", "actions": [ %s ] } ] }
                """.formatted(name, variables, actions));
        assertEquals(201, published.status(), published::toString);
        return name;
    }

    private JsonObject run(String process) {
        var launched = api().post(Api.ALICE, "flows", "{ \"definition\": \"" + process + "\" }");
        assertEquals(201, launched.status(), launched::toString);
        return api().awaitEnd(launched.json().getString("id"));
    }
}
