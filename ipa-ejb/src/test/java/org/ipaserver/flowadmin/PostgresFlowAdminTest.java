package org.ipaserver.flowadmin;

import org.ipaserver.store.LocalStore;
import org.ipaserver.store.PostgresqlAvailable;
import org.ipaserver.store.PostgresqlSuite;

/** flow-admin on PostgreSQL: the same transfers, printed SQL and export/import round trips. */
@PostgresqlSuite
class PostgresFlowAdminTest extends FlowAdminTest {

    @Override
    LocalStore newStore() {
        return LocalStore.postgresqlForTests();
    }

    @Override
    String user() {
        return PostgresqlAvailable.USER;
    }
}
