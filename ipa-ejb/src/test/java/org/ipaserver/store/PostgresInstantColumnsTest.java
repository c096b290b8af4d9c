package org.ipaserver.store;

/** The time-zone round trips again on PostgreSQL (127.0.0.1:5432/test). */
@PostgresqlSuite
class PostgresInstantColumnsTest extends InstantColumnsTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresql(PostgresqlAvailable.URL, PostgresqlAvailable.USER, PostgresqlAvailable.PASSWORD);
    }

    @Override
    LocalStore restarted(LocalStore store) {
        return store; // its schema goes with it; the driver opens sessions in the JVM's zone anyway
    }
}
