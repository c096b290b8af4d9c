package org.ipaserver.integration.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import javax.naming.NameNotFoundException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.ipaserver.action.CallResult;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableType;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.job.CallUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Database statements against a real database (H2 in memory here, PostgreSQL in the subclass):
 * what the flow gets back, and what the database holds afterwards, read over a connection of its own.
 */
class StatementRunnerTest {

    static final String PLACED = "2026-01-31T09:30:00Z";
    private static final String TABLE = """
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(100), amount DECIMAL(12,2),
                                 paid BOOLEAN, placed TIMESTAMP, confirmed TIMESTAMP WITH TIME ZONE,
                                 note VARCHAR(200))""";

    DataSource source;
    private final StatementRunner runner = new StatementRunner(name -> {
        if (!name.equals("jdbc/orders")) {
            throw new NameNotFoundException(name);
        }
        return source;
    });

    /** A fresh, empty database. */
    DataSource open() {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:orders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    void drop() throws SQLException {
        sql("SHUTDOWN");
    }

    /** A query that runs for seconds and can be cancelled. */
    String slowQuery() {
        return "SELECT COUNT(*) AS n FROM SYSTEM_RANGE(1, 5000000000) a WHERE MOD(a.X, 7) = ?";
    }

    @BeforeEach
    void create() throws SQLException {
        source = open();
        sql(TABLE);
        sql("INSERT INTO orders (id, customer, amount, paid, placed) VALUES "
                + "(1, 'alice', 12.50, TRUE, TIMESTAMP '2026-01-31 09:30:00'), (2, 'bob', 3.00, FALSE, NULL), "
                + "(3, 'alice', 7.25, FALSE, NULL)");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        drop();
    }

    @Test
    void aQueryFillsSingleValuesFromTheFirstRow() {
        var result = query("SELECT customer, amount, paid, placed, note FROM orders WHERE id >= ? ORDER BY id",
                Map.of("customer", "Customer", "AMOUNT", "Amount", "paid", "Paid", "placed", "Placed",
                        "note", "Note", "rowCount", "Found"), Map.of(), 1000, 1L);

        assertEquals(CallResult.SUCCESS, result.exit(), result.message());
        assertEquals("alice", result.outputs().get("customer"));
        assertEquals("12.50", result.outputs().get("AMOUNT"), "labels match whatever case the database uses");
        assertEquals("true", result.outputs().get("paid"));
        assertEquals(PLACED, result.outputs().get("placed"), "a TIMESTAMP is read as UTC");
        assertFalse(result.outputs().containsKey("note"), "a NULL leaves the variable as it was");
        assertEquals("3", result.outputs().get("rowCount"));
    }

    @Test
    void listOutputsCollectEveryRowUpToMaxRows() {
        var all = query("SELECT id, customer, placed FROM orders ORDER BY id", Map.of(),
                Map.of("id", "Ids", "customer", "Customers", "placed", "Times"), 1000);
        assertEquals("[1,2,3]", all.outputs().get("id[]"));
        assertEquals(List.of(1L, 2L, 3L), TypedValues.coerce(all.outputs().get("id[]"),
                new VariableType(VariableType.Base.INTEGER, true)));
        assertEquals(List.of("alice", "bob", "alice"), TypedValues.coerce(all.outputs().get("customer[]"),
                new VariableType(VariableType.Base.STRING, true)));
        assertEquals(java.util.Arrays.asList(Instant.parse(PLACED), null, null), TypedValues.coerce(
                all.outputs().get("placed[]"), new VariableType(VariableType.Base.DATETIME, true)));

        var bounded = query("SELECT id FROM orders ORDER BY id", Map.of("rowCount", "Found"), Map.of("id", "Ids"), 2);
        assertEquals("[1,2]", bounded.outputs().get("id[]"));
        assertEquals("2", bounded.outputs().get("rowCount"));
    }

    @Test
    void aQueryThatFindsNothingSucceedsWithRowCountZero() {
        var result = query("SELECT id, customer FROM orders WHERE id = ?", Map.of("customer", "Customer"),
                Map.of("id", "Ids"), 1000, 99L);
        assertEquals(CallResult.SUCCESS, result.exit());
        assertEquals(Map.of("rowCount", "0", "id[]", "[]"), result.outputs());
    }

    @Test
    void anUpdateCountsTheRowsItChangedAndCommits() throws SQLException {
        var result = update("UPDATE orders SET paid = ? WHERE customer = ?", true, "alice");
        assertEquals(CallResult.SUCCESS, result.exit(), result.message());
        assertEquals(Map.of("updateCount", "2"), result.outputs());
        assertEquals(List.of("true", "true"), column("SELECT CASE WHEN paid THEN 'true' ELSE 'false' END FROM orders "
                + "WHERE customer = 'alice'"));
    }

    @Test
    void parametersOfEveryTypeAreBoundAsTheirType() throws SQLException {
        var result = update("INSERT INTO orders (id, customer, amount, paid, placed, confirmed, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", 10L, "carol", new BigDecimal("1234.56"), Boolean.TRUE,
                Instant.parse(PLACED), Instant.parse(PLACED), null);
        assertEquals(CallResult.SUCCESS, result.exit(), result.message());

        assertEquals(List.of("10|carol|1234.56|true"), column("SELECT id || '|' || customer || '|' || amount "
                + "|| '|' || CASE WHEN paid THEN 'true' ELSE 'false' END FROM orders WHERE note IS NULL AND id = 10"));
        assertEquals(List.of("2026-01-31 09:30:00"), column("SELECT CAST(placed AS VARCHAR(19)) FROM orders "
                + "WHERE id = 10"), "a DateTime goes into a TIMESTAMP as its UTC time");
        var back = query("SELECT placed, confirmed FROM orders WHERE id = ?",
                Map.of("placed", "P", "confirmed", "C"), Map.of(), 1, 10L);
        assertEquals(PLACED, back.outputs().get("placed"));
        assertEquals(PLACED, back.outputs().get("confirmed"));
    }

    @Test
    void dateTimesStayUtcWhateverTheServersZone() throws SQLException {
        var zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            parametersOfEveryTypeAreBoundAsTheirType();
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void anSqlErrorTakesTheFailureExitWithItsStateButNeverTheDriversText() throws SQLException {
        var result = update("INSERT INTO orders (id, customer) VALUES (?, ?)", 2L, "Zebediah");

        assertEquals(CallResult.FAILURE, result.exit());
        assertEquals("23505", result.outputs().get("sqlState"));
        assertTrue(result.outputs().containsKey("errorCode"));
        assertTrue(result.message().contains("SQL state 23505 (integrity constraint violation)"), result.message());
        var message = result.message().toLowerCase();
        assertFalse(message.contains("zebediah") || message.contains("(2") || message.contains("primary")
                || message.contains("key") || message.contains("orders("), result.message());
        assertEquals(List.of("bob"), column("SELECT customer FROM orders WHERE id = 2"));
    }

    @Test
    void aMissingTableIsDescribedByItsSqlStateClassWithoutItsName() {
        var result = query("SELECT id FROM no_such_table WHERE customer = ?", Map.of("id", "Id"), Map.of(), 10,
                "Zebediah");
        assertEquals(CallResult.FAILURE, result.exit());
        assertTrue(result.outputs().get("sqlState").startsWith("42"), result.outputs().toString());
        assertTrue(result.message().contains("(syntax error or access rule violation)"), result.message());
        assertFalse(result.message().toLowerCase().contains("no_such_table") || result.message().contains("Zebediah"),
                result.message());
    }

    @Test
    void aStatementOverItsTimeoutTakesTheTimeoutExit() {
        var started = System.nanoTime();
        var result = runner.call(request(action(ActionDef.Database.QUERY, slowQuery(), 1, Map.of("n", "N"), Map.of(),
                1000), inputs(3L), Duration.ofSeconds(1)));
        assertEquals(CallResult.TIMEOUT, result.exit(), result.message());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 4, "cancelled after about a second");
    }

    @Test
    void aMissingDataSourceTakesTheFailureExit() {
        var action = new ActionDef.Database(null, "jdbc/nowhere", "SELECT 1", List.of(), ActionDef.Database.QUERY,
                Map.of(), Map.of(), 1000, null, List.of(), Map.of(), "$.states[0].actions[0]");
        var result = runner.call(request(action, Map.of(), null));
        assertEquals(CallResult.FAILURE, result.exit());
        assertTrue(result.message().contains("no data source named 'jdbc/nowhere'"), result.message());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsTriedAgainLater() {
        var database = source;
        var unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing");
        source = unreachable;
        try {
            var failure = assertThrows(CallUnavailable.class, () -> update("DELETE FROM orders"));
            assertTrue(failure.getMessage().contains("'jdbc/orders' gives no connection"), failure.getMessage());
        } finally {
            source = database;
        }
    }

    @Test
    void aValueThatLooksLikeSqlStaysData() throws SQLException {
        var attack = "x'; DROP TABLE orders; --";
        assertEquals(CallResult.SUCCESS, update("INSERT INTO orders (id, customer) VALUES (?, ?)", 20L, attack).exit());
        var found = query("SELECT id FROM orders WHERE customer = ?", Map.of("id", "Id"), Map.of(), 10, attack);
        assertEquals("20", found.outputs().get("id"));
        assertEquals(List.of("4"), column("SELECT COUNT(*) FROM orders"));
    }

    @Test
    void aColumnTheQueryDoesNotGiveOrAListParameterIsAFailure() {
        var missing = query("SELECT id FROM orders", Map.of("total", "Total"), Map.of(), 10);
        assertEquals(CallResult.FAILURE, missing.exit());
        assertTrue(missing.message().contains("gives no column [total] (its columns: id)"), missing.message());

        var list = update("DELETE FROM orders WHERE id = ?", List.of(1L, 2L));
        assertEquals(CallResult.FAILURE, list.exit());
        assertTrue(list.message().contains("parameter 1 is a list"), list.message());
    }

    CallResult query(String sql, Map<String, String> outputs, Map<String, String> lists, int maxRows,
                     Object... parameters) {
        return runner.call(request(action(ActionDef.Database.QUERY, sql, parameters.length, outputs, lists, maxRows),
                inputs(parameters), null));
    }

    CallResult update(String sql, Object... parameters) {
        return runner.call(request(action(ActionDef.Database.UPDATE, sql, parameters.length, Map.of("updateCount",
                "Count"), Map.of(), 1000), inputs(parameters), null));
    }

    private static ActionDef.Database action(String kind, String sql, int parameters, Map<String, String> outputs,
                                             Map<String, String> lists, int maxRows) {
        var expressions = new ArrayList<String>();
        for (int i = 1; i <= parameters; i++) {
            expressions.add("${p" + i + "}");
        }
        return new ActionDef.Database("orders", "jdbc/orders", sql, expressions, kind, outputs, lists, maxRows, null,
                List.of(), Map.of(), "$.states[0].actions[0]");
    }

    private static Map<String, Object> inputs(Object... parameters) {
        var inputs = new HashMap<String, Object>();
        for (int i = 0; i < parameters.length; i++) {
            inputs.put(String.valueOf(i + 1), parameters[i]);
        }
        return inputs;
    }

    private static CallRequest request(ActionDef.Database action, Map<String, Object> inputs, Duration timeout) {
        return new CallRequest("flow-1", 1, 1, "key-1", action, inputs, timeout);
    }

    void sql(String sql) throws SQLException {
        try (var connection = source.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of every row, as text, read outside the action. */
    List<String> column(String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var connection = source.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
