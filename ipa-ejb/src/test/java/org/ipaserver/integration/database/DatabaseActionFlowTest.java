package org.ipaserver.integration.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.NameNotFoundException;
import org.h2.jdbcx.JdbcDataSource;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowView;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flow with Database actions, end to end in plain Java: the engine commits "calling" and hands
 * the request over, the runner makes it on an H2 database of its own, the answer resumes the flow.
 */
class DatabaseActionFlowTest {

    private static final String ORDERS = """
            {"name": "Orders", "startState": "Store",
             "variables": [{"name": "Id", "type": "Integer"}, {"name": "Customer", "type": "String"},
                           {"name": "Amount", "type": "Decimal"}, {"name": "Placed", "type": "DateTime"},
                           {"name": "Name", "type": "String"}, {"name": "PlacedBack", "type": "DateTime"},
                           {"name": "Found", "type": "Integer"}, {"name": "Ids", "type": "Integer", "list": true},
                           {"name": "Inserted", "type": "Integer"}, {"name": "State", "type": "String"},
                           {"name": "Outcome", "type": "String", "initial": "stored"}],
             "states": [{"name": "Store", "actions": [
               {"type": "Database", "name": "create table", "dataSource": "jdbc/orders", "kind": "update",
                "statement": "CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY, customer VARCHAR(100), amount DECIMAL(12,2), placed TIMESTAMP)"},
               {"type": "Database", "name": "insert", "dataSource": "jdbc/orders", "kind": "update",
                "statement": "INSERT INTO orders (id, customer, amount, placed) VALUES (?, ?, ?, ?)",
                "parameters": ["${Id}", "${Customer}", "${Amount}", "${Placed}"], "outputs": {"updateCount": "Inserted"}},
               {"type": "Database", "name": "read back", "dataSource": "jdbc/orders", "kind": "query",
                "statement": "SELECT id, customer, placed FROM orders WHERE amount >= ? ORDER BY id",
                "parameters": ["${Amount - 1}"], "timeout": "PT10S",
                "outputs": {"customer": "Name", "placed": "PlacedBack", "rowCount": "Found"}, "listOutputs": {"id": "Ids"}},
               {"type": "Database", "name": "insert again", "dataSource": "jdbc/orders", "kind": "update",
                "statement": "INSERT INTO orders (id) VALUES (?)", "parameters": ["${Id}"],
                "outputs": {"sqlState": "State"},
                "exits": {"failure": [{"type": "UpdateVariables",
                                       "assignments": [{"variable": "Outcome", "value": "duplicate"}]}]}}]}]}
            """;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final ArrayDeque<CallRequest> started = new ArrayDeque<>();
    private final FlowEngine engine = new FlowEngine(catalog, clock, new FlowOwner("storage-a", 0), 5,
            new WorkItemRouter(clock), started::add);
    private final JdbcDataSource orders = new JdbcDataSource();
    private final StatementRunner runner = new StatementRunner(name -> {
        if (!name.equals("jdbc/orders")) {
            throw new NameNotFoundException(name);
        }
        return orders;
    });
    private LocalStore store;

    @BeforeEach
    void open() {
        orders.setURL("jdbc:h2:mem:flow-orders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = LocalStore.h2InMemory();
        store.run(em -> catalog.publish(em, ORDERS, "designer", clock.instant()));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        try (var connection = orders.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void variablesGoInAsParametersAndComeBackAsOutputsAndAFailureTakesItsExit() {
        var id = store.inTransaction(em -> engine.launch(em, "Orders", null, Map.<String, JsonValue>of(
                "Id", Json.createValue(7), "Customer", Json.createValue("x'; DROP TABLE orders; --"),
                "Amount", Json.createValue(new BigDecimal("19.99")), "Placed", Json.createValue("2026-01-31T09:30:00Z")),
                "alice"));

        var request = started.poll();
        assertEquals(Map.of(), request.inputs(), "the table is created by a statement without parameters");
        answer(request);
        var insert = started.poll();
        assertEquals(Map.of("1", 7L, "2", "x'; DROP TABLE orders; --", "3", new BigDecimal("19.99"),
                "4", Instant.parse("2026-01-31T09:30:00Z")), insert.inputs());
        answer(insert);
        var query = started.poll();
        assertEquals(Duration.ofSeconds(10), query.timeout());
        answer(query);
        answer(started.poll());

        var done = view(id);
        assertEquals("completed", done.status(), done.error());
        assertEquals(1L, done.variables().get("Inserted"));
        assertEquals("x'; DROP TABLE orders; --", done.variables().get("Name"));
        assertEquals(Instant.parse("2026-01-31T09:30:00Z"), done.variables().get("PlacedBack"));
        assertEquals(1L, done.variables().get("Found"));
        assertEquals(List.of(7L), done.variables().get("Ids"));
        assertEquals("23505", done.variables().get("State"));
        assertEquals("duplicate", done.variables().get("Outcome"));
        assertTrue(started.isEmpty());
    }

    private void answer(CallRequest request) {
        var result = runner.call(request);
        boolean resumed = store.inTransaction(em -> engine.callEnded(em, request.flowId(), request.number(), result));
        assertTrue(resumed);
    }

    private FlowView view(String id) {
        return store.inTransaction(em -> engine.view(em, id));
    }
}
