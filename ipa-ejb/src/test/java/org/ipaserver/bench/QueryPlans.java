package org.ipaserver.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.ipaserver.store.LocalStore;

/**
 * The database's plan of the statements a piece of work really sends: they are caught as
 * EclipseLink executes them (SQL and bound values), then explained with the same values, so that
 * the plans follow the engine's queries as they change. Flags a sequential scan.
 */
final class QueryPlans {

    record Statement(String sql, List<Object> values) {
    }

    private QueryPlans() {
    }

    /** The statements {@code work} sends in one transaction. */
    static List<Statement> caught(LocalStore store, Consumer<EntityManager> work) {
        var caught = new ArrayList<Statement>();
        var listener = new SessionEventAdapter() {
            @Override
            public void postExecuteCall(SessionEvent event) {
                if (event.getCall() instanceof DatabaseCall call) {
                    var values = new ArrayList<Object>();
                    if (call.getParameters() != null) {
                        values.addAll(call.getParameters());
                    }
                    caught.add(new Statement(call.getSQLString(), values));
                }
            }
        };
        var session = store.inTransaction(em -> JpaHelper.getServerSession(em.getEntityManagerFactory()));
        session.getEventManager().addListener(listener);
        try {
            store.run(work);
        } finally {
            session.getEventManager().removeListener(listener);
        }
        return caught;
    }

    /** Prints the plan of each statement (run for real: EXPLAIN ANALYZE), on PostgreSQL or H2. */
    static void print(LocalStore store, String db, String label, List<Statement> statements) {
        store.run(em -> {
            var connection = em.unwrap(java.sql.Connection.class);
            for (var statement : statements) {
                var explain = (db.equals("postgresql") ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ")
                        + statement.sql();
                var plan = new StringBuilder();
                try (var prepared = connection.prepareStatement(explain)) {
                    for (int i = 0; i < statement.values().size(); i++) {
                        prepared.setObject(i + 1, statement.values().get(i));
                    }
                    try (var rows = prepared.executeQuery()) {
                        while (rows.next()) {
                            plan.append("    ").append(rows.getString(1)).append('\n');
                        }
                    }
                } catch (java.sql.SQLException e) {
                    plan.append("    cannot explain: ").append(e.getMessage()).append('\n');
                }
                var text = plan.toString();
                var seqScan = text.contains("Seq Scan") || text.contains("tableScan");
                System.out.printf("plan of %s: %s%n  %s%n  values %s%n%s", label, seqScan
                        ? "SEQUENTIAL SCAN (no index)" : "indexes only", statement.sql(), statement.values(), text);
            }
        });
    }
}
