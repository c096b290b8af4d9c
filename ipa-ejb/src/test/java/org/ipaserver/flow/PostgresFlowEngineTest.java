package org.ipaserver.flow;

import org.ipaserver.store.LocalStore;
import org.ipaserver.store.PostgresqlSuite;

/** Every engine test again on PostgreSQL (127.0.0.1:5432/test), run with -Ppostgresql. */
@PostgresqlSuite
class PostgresFlowEngineTest extends FlowEngineTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresqlForTests();
    }
}
