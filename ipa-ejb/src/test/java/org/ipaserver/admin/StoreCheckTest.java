package org.ipaserver.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.ipaserver.store.SqlScript;
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
    void anEmbeddedDatabaseOfVersion1IsUpgradedByItself() throws SQLException {
        var dataSource = h2(memory());
        try (var connection = dataSource.getConnection()) {
            SqlScript.fromClasspath("sql-v1/h2/create.sql", getClass().getClassLoader()).execute(connection);
            connection.createStatement().executeUpdate("INSERT INTO ipa_Definitions (definition_name, "
                    + "definition_version, published_at, published_by, source) VALUES ('Kept', 1, CURRENT_TIMESTAMP, 'admin', '{}')");
        }

        var status = new StoreCheck("jdbc/ipa", true).check(dataSource);

        assertTrue(status.usable(), status.message());
        assertEquals(41044, status.eventId());
        try (var connection = dataSource.getConnection();
             var rs = connection.createStatement().executeQuery("SELECT (SELECT MAX(version) FROM ipa_SchemaVersion), "
                     + "(SELECT COUNT(*) FROM ipa_Workgroups), (SELECT COUNT(*) FROM ipa_Definitions)")) {
            rs.next();
            assertEquals(StoreCheck.SCHEMA_VERSION, rs.getInt(1));
            assertEquals(0, rs.getInt(2), "the routing tables exist");
            assertEquals(1, rs.getInt(3), "the data of version 1 is kept");
        }
        assertTrue(new StoreCheck("jdbc/ipa", true).check(dataSource).usable(), "a second start upgrades nothing");
    }

    @Test
    void aSchemaOfVersion1ThatMayNotBeUpgradedIs41046AndNamesTheUpgradeScripts() throws SQLException {
        var dataSource = h2(memory());
        try (var connection = dataSource.getConnection()) {
            SqlScript.fromClasspath("sql-v1/h2/create.sql", getClass().getClassLoader()).execute(connection);
        }

        var status = new StoreCheck("jdbc/ipa", false).check(dataSource);

        assertFalse(status.usable());
        assertEquals(41046, status.eventId());
        assertTrue(status.message().contains("found schema version 1, need " + StoreCheck.SCHEMA_VERSION), status.message());
        assertTrue(status.message().contains("sql/h2/upgrade-2.sql, then sql/h2/upgrade-3.sql, then "
                + "sql/h2/upgrade-4.sql, then sql/h2/upgrade-5.sql, then sql/h2/upgrade-6.sql, then sql/h2/upgrade-7.sql, "
                + "then sql/h2/upgrade-8.sql, then sql/h2/upgrade-9.sql, then sql/h2/upgrade-10.sql, "
                + "then sql/h2/upgrade-11.sql, then sql/h2/upgrade-12.sql"), status.message());
    }

    @Test
    void aBrokenVersionTableIs41046() throws SQLException {
        var dataSource = h2(memory());
        try (var connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE ipa_SchemaVersion (version INT, applied_at TIMESTAMP)");
        }

        var status = new StoreCheck("jdbc/ipa", true).check(dataSource);

        assertFalse(status.usable());
        assertEquals(41046, status.eventId());
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

    /** A database of version 2 (work items, no routing yet) gets only upgrade-3.sql. */
    @Test
    void anEmbeddedDatabaseOfAnOlderSchemaIsUpgradedInPlace() throws Exception {
        var dataSource = h2(memory());
        try (var connection = dataSource.getConnection()) {
            SqlScript.fromClasspath("sql-v1/h2/create.sql", getClass().getClassLoader()).execute(connection);
            SqlScript.fromClasspath("sql/h2/upgrade-2.sql", getClass().getClassLoader()).execute(connection);
        }
        var status = new StoreCheck("jdbc/ipa", true).check(dataSource);
        assertTrue(status.usable(), status.message());
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT (SELECT COUNT(*) FROM ipa_WorkItems), "
                     + "(SELECT COUNT(*) FROM ipa_UserSkills), (SELECT MAX(version) FROM ipa_SchemaVersion)")) {
            assertTrue(result.next());
            assertEquals(StoreCheck.SCHEMA_VERSION, result.getInt(3));
        }
        var refused = new StoreCheck("jdbc/ipa", false).check(h2(memory()));
        assertEquals(41046, refused.eventId());
    }
}
