package org.ipaserver.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The start-up checks of the flow store and their event IDs, on real H2 databases. */
class StoreCheckTest {

    private static JdbcDataSource h2(String url) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static String memory() {
        return "jdbc:h2:mem:check-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void noDataSourceIs41043() {
        var status = new StoreCheck("jdbc/ipa", true).check(null);
        assertFalse(status.usable());
        assertEquals(41043, status.eventId());
        assertTrue(status.message().contains("jdbc/ipa"));
    }

    @Test
    void theEmbeddedDefaultGetsItsSchemaAndIs41044() {
        var dataSource = h2(memory());
        var status = new StoreCheck("jdbc/ipa", true).check(dataSource);
        assertTrue(status.usable(), status.message());
        assertEquals(41044, status.eventId());
        assertTrue(new StoreCheck("jdbc/ipa", true).check(dataSource).usable(), "a second start finds the schema");
    }

    @Test
    void aMissingSchemaThatMayNotBeCreatedIs41046() {
        var status = new StoreCheck("jdbc/ipa", false).check(h2(memory()));
        assertFalse(status.usable());
        assertEquals(41046, status.eventId());
        assertTrue(status.message().contains("sql/h2/create.sql"), status.message());
    }

    @Test
    void aDatabaseThatCannotBeReachedIs41045() {
        var status = new StoreCheck("jdbc/ipa", true).check(h2("jdbc:h2:tcp://127.0.0.1:1/nowhere"));
        assertFalse(status.usable());
        assertEquals(41045, status.eventId());
        assertTrue(status.message().contains("jdbc/ipa"), status.message());
    }

    @Test
    void anEmbeddedDatabaseOfAnOlderSchemaIsUpgradedInPlace() throws Exception {
        var dataSource = h2(memory());
        try (var connection = dataSource.getConnection()) {
            var v2 = org.ipaserver.store.SqlScript.fromClasspath("sql/h2/create.sql", getClass().getClassLoader());
            var v1 = v2.statements().stream().filter(sql -> !sql.contains("ipa_WorkItems")).map(sql ->
                    sql.replace("VALUES (2,", "VALUES (1,")).toList();
            new org.ipaserver.store.SqlScript("v1", v1).execute(connection);
        }
        var status = new StoreCheck("jdbc/ipa", true).check(dataSource);
        assertTrue(status.usable(), status.message());
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT COUNT(*) FROM ipa_WorkItems")) {
            assertTrue(result.next());
        }
        var refused = new StoreCheck("jdbc/ipa", false).check(h2(memory()));
        assertEquals(41046, refused.eventId());
    }
}
