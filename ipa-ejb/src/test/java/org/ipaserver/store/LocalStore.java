package org.ipaserver.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine's persistence unit outside a server: local transactions on H2 or PostgreSQL, the
 * schema created by the same scripts a DBA runs. Used by the engine tests and the in-process benchmark.
 */
public final class LocalStore implements AutoCloseable {

    private final EntityManagerFactory factory;
    private final Runnable cleanup;
    private final String url;

    private LocalStore(String url, String user, String password, Runnable cleanup) {
        this.url = url;
        // min = max: EclipseLink closes a released connection above the minimum, under the pool's lock,
        // and opens a new one at the next acquire; a server's pool keeps its connections open
        this.factory = Persistence.createEntityManagerFactory("ipa-local", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password,
                "eclipselink.connection-pool.default.initial", "4",
                "eclipselink.connection-pool.default.min", "16",
                "eclipselink.connection-pool.default.max", "16"));
        this.cleanup = cleanup;
    }

    /** A fresh in-memory H2 database with the schema applied. */
    public static LocalStore h2InMemory() {
        return h2("jdbc:h2:mem:ipa-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    public static LocalStore h2(String url) {
        apply(url, "sa", "", "sql/h2/create.sql", null);
        return new LocalStore(url, "sa", "", () -> { });
    }

    /** An H2 database that already holds the schema (a server starting again on its data). */
    public static LocalStore h2Existing(String url) {
        return new LocalStore(url, "sa", "", () -> { });
    }

    /**
     * A schema of its own in the tests' PostgreSQL database ({@code ipa.test.postgresql.url}, by
     * default 127.0.0.1:5432/test, user postgres), dropped on close.
     */
    public static LocalStore postgresqlForTests() {
        return postgresql(System.getProperty("ipa.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("ipa.test.postgresql.user", "postgres"),
                System.getProperty("ipa.test.postgresql.password", ""));
    }

    /** A schema of its own in a PostgreSQL database, dropped on close. */
    public static LocalStore postgresql(String databaseUrl, String user, String password) {
        var schema = "ipa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        apply(databaseUrl, user, password, "sql/postgresql/create.sql", schema);
        var url = databaseUrl + (databaseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new LocalStore(url, user, password, () -> execute(databaseUrl, user, password,
                "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static void apply(String url, String user, String password, String script, String schema) {
        try (var connection = DriverManager.getConnection(url, user, password)) {
            if (schema != null) {
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + schema);
                }
                connection.setSchema(schema);
            }
            SqlScript.fromClasspath(script, LocalStore.class.getClassLoader()).execute(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the schema at " + url + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(url, user, password);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDBC URL of the database (and schema) it works on. */
    public String url() {
        return url;
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        var em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            var result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    public long count(String table) {
        return inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
                .getSingleResult()).longValue());
    }

    /**
     * Gathers the tables' statistics, as PostgreSQL's autovacuum does by itself once a table has
     * grown (a benchmark calls it after its warm-up; without it the plans stay those made for
     * empty tables where autovacuum is off).
     */
    public void analyze() {
        run(em -> {
            if (url.startsWith("jdbc:postgresql:")) {
                @SuppressWarnings("unchecked")
                List<String> tables = em.createNativeQuery("SELECT tablename FROM pg_tables WHERE schemaname = "
                        + "current_schema()").getResultList();
                tables.forEach(table -> em.createNativeQuery("ANALYZE " + table).executeUpdate());
            } else {
                em.createNativeQuery("ANALYZE").executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        factory.close();
        cleanup.run();
    }
}
