package org.ipaserver.report;

import org.ipaserver.store.LocalStore;
import org.ipaserver.store.PostgresqlSuite;

/** The reports again on PostgreSQL (127.0.0.1:5432/test), run with -Ppostgresql. */
@PostgresqlSuite
class PostgresReportsTest extends ReportsTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresqlForTests();
    }
}
