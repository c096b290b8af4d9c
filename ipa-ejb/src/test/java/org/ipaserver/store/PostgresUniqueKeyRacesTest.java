package org.ipaserver.store;

import jakarta.persistence.EntityManager;

/** The unique-key races again on PostgreSQL (127.0.0.1:5432/test). */
@PostgresqlSuite
class PostgresUniqueKeyRacesTest extends UniqueKeyRacesTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresql(PostgresqlAvailable.URL, PostgresqlAvailable.USER, PostgresqlAvailable.PASSWORD);
    }

    @Override
    boolean someoneWaitsOnALock(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock' AND query LIKE 'INSERT %'").getSingleResult()).longValue() > 0;
    }
}
