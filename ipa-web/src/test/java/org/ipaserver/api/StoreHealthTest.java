package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.ipaserver.admin.IpaServer;
import org.ipaserver.admin.StoreStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The anonymous readiness answer names the store's event and what it means, never the database's
 * own message: with the database down, its schema missing or no data source, whatever the driver
 * said (hosts, users, SQL, file paths) stays in the server log.
 */
class StoreHealthTest {

    private static final String DATABASE_MESSAGE = "org.postgresql.util.PSQLException: FATAL: password authentication "
            + "failed for user \"ipa_owner\" at jdbc:postgresql://db.internal.example:5432/ipa; ERROR: relation "
            + "\"ipa_schemaversion\" does not exist; /srv/ipa-data/db/ipa.mv.db";

    @BeforeAll
    static void plainResponses() {
        HealthCheckResponse.setResponseProvider(Builder::new); // the server's own provider is not here
    }

    @ParameterizedTest
    @ValueSource(ints = {StoreStatus.NO_DATA_SOURCE, StoreStatus.CANNOT_CONNECT, StoreStatus.SCHEMA_UNUSABLE})
    void anUnusableStoreIsDownWithItsEventAndNoWordOfTheDatabase(int event) {
        var answer = readiness(new StoreStatus(false, event, DATABASE_MESSAGE));

        assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
        var data = answer.getData().orElseThrow();
        assertEquals(String.valueOf(event), String.valueOf(data.get("eventId")));
        for (var value : data.values()) {
            for (var secret : new String[] {"PSQLException", "ipa_owner", "db.internal.example", "jdbc", "relation",
                    "/srv/ipa-data"}) {
                assertFalse(String.valueOf(value).contains(secret), "the answer repeats '" + secret + "': " + data);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theSchemaHintIsTheOnlyDetailAndItIsTheOperatorsScript(boolean withHint) {
        var status = new StoreStatus(false, StoreStatus.SCHEMA_UNUSABLE, DATABASE_MESSAGE,
                withHint ? "run sql/postgresql/create.sql" : null);

        var message = String.valueOf(readiness(status).getData().orElseThrow().get("message"));

        assertFalse(message.contains("PSQLException"), message);
        assertEquals(withHint, message.contains("sql/postgresql/create.sql"), message);
    }

    @Test
    void livenessSaysNothingOfTheStore() {
        var alive = new StoreHealth.Alive().call();

        assertEquals(HealthCheckResponse.Status.UP, alive.getStatus());
        assertEquals(Optional.empty(), alive.getData().filter(data -> !data.isEmpty()));
    }

    private static HealthCheckResponse readiness(StoreStatus status) {
        var check = new StoreHealth.Ready();
        check.server = new IpaServer() {
            @Override
            public StoreStatus store() {
                return status;
            }
        };
        return check.call();
    }

    /** A plain builder, as the server's MicroProfile Health gives one. */
    private static final class Builder extends HealthCheckResponseBuilder {
        private String name;
        private HealthCheckResponse.Status status = HealthCheckResponse.Status.UP;
        private final Map<String, Object> data = new LinkedHashMap<>();

        @Override
        public HealthCheckResponseBuilder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, String value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, long value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, boolean value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder up() {
            return status(true);
        }

        @Override
        public HealthCheckResponseBuilder down() {
            return status(false);
        }

        @Override
        public HealthCheckResponseBuilder status(boolean up) {
            status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
            return this;
        }

        @Override
        public HealthCheckResponse build() {
            return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
        }
    }
}
