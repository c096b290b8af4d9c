package org.ipaserver.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ipaserver.store.SqlScript;

/**
 * Checks the flow store at start and while it is unusable: can we connect, is the schema there
 * and at the version this build needs. On the embedded default (H2) a missing schema is created
 * from {@code sql/h2/create.sql} and an older one upgraded by {@code sql/h2/upgrade-N.sql}; on any
 * other database that is the DBA's job, and the server says which scripts to run and refuses launches.
 */
public final class StoreCheck {

    static final int SCHEMA_VERSION = 12;
    private static final Logger LOG = Logger.getLogger(StoreCheck.class.getName());

    private final String dataSourceName;
    private final boolean createSchemaOnH2;

    public StoreCheck(String dataSourceName, boolean createSchemaOnH2) {
        this.dataSourceName = dataSourceName;
        this.createSchemaOnH2 = createSchemaOnH2;
    }

    public StoreStatus check(DataSource dataSource) {
        if (dataSource == null) {
            return new StoreStatus(false, StoreStatus.NO_DATA_SOURCE, "No data source '" + dataSourceName
                    + "' is configured for the flow store. Create a JDBC resource named " + dataSourceName
                    + " in the server (admin console or asadmin create-jdbc-resource) and restart the application.");
        }
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName();
            var h2 = product.toLowerCase(Locale.ROOT).contains("h2");
            var schema = schemaVersion(connection);
            if (h2 && createSchemaOnH2 && (schema == null || schema < SCHEMA_VERSION)) {
                try {
                    schema = createOrUpgradeH2(connection, schema);
                } catch (SQLException | IllegalArgumentException e) { // a script failed, or is missing for a version
                    return new StoreStatus(false, StoreStatus.SCHEMA_UNUSABLE, "Could not bring the flow store "
                            + "schema of the embedded H2 database behind " + dataSourceName + " to version "
                            + SCHEMA_VERSION + ": " + e.getMessage());
                }
            }
            if (schema == null || schema < SCHEMA_VERSION) {
                var scripts = scriptsToRun(folder(product), schema);
                return new StoreStatus(false, StoreStatus.SCHEMA_UNUSABLE, "The flow store schema is missing or "
                        + "too old in data source " + dataSourceName + " (" + product + "): found "
                        + (schema == null ? "no ipa_SchemaVersion table" : "schema version " + schema) + ", need "
                        + SCHEMA_VERSION + ". Run " + scripts + " against that "
                        + "database with a user allowed to read and write its tables; the server notices by itself, "
                        + "without a restart.", "Run " + scripts + " against the database; the server notices by "
                        + "itself");
            }
            if (h2) {
                return new StoreStatus(true, StoreStatus.DEFAULT_DATABASE, "The flow store uses the embedded "
                        + "H2 database behind " + dataSourceName + ". Fine for trying IPA Server; in production "
                        + "point " + dataSourceName + " at SQL Server or PostgreSQL.");
            }
            return StoreStatus.ok("flow store on " + product + " through " + dataSourceName);
        } catch (SQLException | RuntimeException e) {
            return new StoreStatus(false, StoreStatus.CANNOT_CONNECT, "Cannot open the flow store through data "
                    + "source " + dataSourceName + ": " + e.getMessage() + ". Check that the database runs, that "
                    + "the pool's URL, user and password are right, then the server retries by itself.");
        }
    }

    /**
     * The embedded default looks after its own schema: create.sql on an empty database, otherwise
     * the upgrade scripts after the version found, in order, so that a developer's database made by
     * an older build comes up by itself. Returns the version reached.
     */
    private int createOrUpgradeH2(Connection connection, Integer found) throws SQLException {
        if (found == null) {
            script("sql/h2/create.sql").execute(connection);
            LOG.info("Created the flow store schema (sql/h2/create.sql) in the embedded H2 database of "
                    + dataSourceName);
        } else if (found < 1) {
            throw new SQLException("ipa_SchemaVersion holds no version: the schema was not made by these scripts");
        } else {
            for (int version = found + 1; version <= SCHEMA_VERSION; version++) {
                script("sql/h2/upgrade-" + version + ".sql").execute(connection);
                LOG.info("Upgraded the flow store schema of the embedded H2 database of " + dataSourceName
                        + " to version " + version + " (sql/h2/upgrade-" + version + ".sql)");
            }
        }
        var reached = schemaVersion(connection);
        return reached == null ? 0 : reached;
    }

    private static SqlScript script(String resource) {
        return SqlScript.fromClasspath(resource, StoreCheck.class.getClassLoader());
    }

    /** What a DBA runs: create.sql on an empty database, else the upgrade scripts after its version. */
    static String scriptsToRun(String folder, Integer found) {
        if (found == null) {
            return "sql/" + folder + "/create.sql";
        }
        var upgrades = new java.util.StringJoiner(", then ");
        for (int version = found + 1; version <= SCHEMA_VERSION; version++) {
            upgrades.add("sql/" + folder + "/upgrade-" + version + ".sql");
        }
        return upgrades.toString();
    }

    /** The schema version, or null when the version table is missing. */
    private static Integer schemaVersion(Connection connection) {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT MAX(version) FROM ipa_SchemaVersion")) {
            return result.next() ? result.getInt(1) : null;
        } catch (SQLException e) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException ignored) {
                // the connection is given back anyway
            }
            return null;
        }
    }

    private static String folder(String product) {
        var p = product.toLowerCase(Locale.ROOT);
        return p.contains("postgres") ? "postgresql" : p.contains("microsoft") ? "mssql" : "h2";
    }

    /** Logs a status that differs from the one before, so that a check repeated during an outage logs once. */
    public static StoreStatus log(StoreStatus status, StoreStatus before) {
        if (status.usable() == before.usable() && status.eventId() == before.eventId()) {
            return status;
        }
        if (status.eventId() == 0) {
            LOG.info("IPA Server: " + status.message());
        } else {
            var level = status.usable() ? Level.INFO : Level.SEVERE;
            LOG.log(level, "IPA event {0}: {1}", new Object[] {status.eventId(), status.message()});
        }
        return status;
    }

}
