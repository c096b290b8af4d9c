package org.ipaserver.routing;

import org.ipaserver.store.LocalStore;
import org.ipaserver.store.PostgresqlSuite;

/** Every routing store test again on PostgreSQL (127.0.0.1:5432/test), run with -Ppostgresql. */
@PostgresqlSuite
class PostgresRoutingStoreTest extends RoutingStoreTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresqlForTests();
    }
}
