package org.ipaserver.store;

/** The time-zone round trips again on PostgreSQL (127.0.0.1:5432/test). */
@PostgresqlSuite
class PostgresInstantColumnsTest extends InstantColumnsTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresql(PostgresqlAvailable.URL, PostgresqlAvailable.USER, PostgresqlAvailable.PASSWORD);
    }
}
