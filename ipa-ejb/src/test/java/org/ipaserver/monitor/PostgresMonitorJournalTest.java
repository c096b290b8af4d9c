package org.ipaserver.monitor;

import org.ipaserver.store.LocalStore;
import org.ipaserver.store.PostgresqlSuite;

/** The journal's tests again on PostgreSQL (127.0.0.1:5432/test), run with -Ppostgresql. */
@PostgresqlSuite
class PostgresMonitorJournalTest extends MonitorJournalTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresqlForTests();
    }
}
