package org.ipaserver.cluster;

import org.ipaserver.store.LocalStore;
import org.ipaserver.store.PostgresqlSuite;

/** Every take-over test again on PostgreSQL (127.0.0.1:5432/test), run with -Ppostgresql. */
@PostgresqlSuite
class PostgresTakeOverTest extends TakeOverTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresqlForTests();
    }
}
