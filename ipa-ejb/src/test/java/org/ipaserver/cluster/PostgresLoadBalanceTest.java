package org.ipaserver.cluster;

import org.ipaserver.store.LocalStore;
import org.ipaserver.store.PostgresqlSuite;

/** Every load-balancing test again on PostgreSQL (127.0.0.1:5432/test), run with -Ppostgresql. */
@PostgresqlSuite
class PostgresLoadBalanceTest extends LoadBalanceTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresqlForTests();
    }
}
