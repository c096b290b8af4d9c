package org.ipaserver.integration.database;

import jakarta.enterprise.context.ApplicationScoped;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.ipaserver.action.CallResult;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.job.ExternalCall;

/**
 * Database calls on the server's data sources, looked up by their global JNDI name (jdbc/...) at
 * each call, so that a data source defined after the process was published is found.
 */
@ApplicationScoped
public class DatabaseCalls implements ExternalCall {

    private final StatementRunner runner = new StatementRunner(name -> (DataSource) new InitialContext().lookup(name));

    @Override
    public String actionType() {
        return "Database";
    }

    @Override
    public CallResult call(CallRequest request) {
        return runner.call(request);
    }
}
