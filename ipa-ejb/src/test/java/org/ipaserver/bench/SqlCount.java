package org.ipaserver.bench;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink sends, by kind, so that the benchmark can print statements
 * per flow beside flows/s. EclipseLink makes the listener itself (property
 * {@code eclipselink.session-event-listener}), hence the counts are static.
 */
public final class SqlCount extends SessionEventAdapter {

    private static final LongAdder SELECTS = new LongAdder();
    private static final LongAdder INSERTS = new LongAdder();
    private static final LongAdder UPDATES = new LongAdder();
    private static final LongAdder DELETES = new LongAdder();

    /** The counts at one moment; {@link #since} gives those of a run. */
    record Snapshot(long selects, long inserts, long updates, long deletes) {

        Snapshot since(Snapshot before) {
            return new Snapshot(selects - before.selects, inserts - before.inserts, updates - before.updates,
                    deletes - before.deletes);
        }

        /** "3.00 statements (1.00 SELECT, 2.00 INSERT, ...)" per unit. */
        String per(long units, String unit) {
            double n = units;
            return String.format(Locale.ROOT, "SQL a %s: %.2f statements (%.2f SELECT, %.2f INSERT, %.2f UPDATE, "
                    + "%.2f DELETE)", unit, (selects + inserts + updates + deletes) / n, selects / n, inserts / n,
                    updates / n, deletes / n);
        }
    }

    /** Makes every persistence unit created from now on count its statements. */
    static void install() {
        System.setProperty("eclipselink.session-event-listener", SqlCount.class.getName());
    }

    static Snapshot now() {
        return new Snapshot(SELECTS.sum(), INSERTS.sum(), UPDATES.sum(), DELETES.sum());
    }

    @Override
    public void preExecuteCall(SessionEvent event) {
        if (event.getCall() instanceof DatabaseCall call && call.getSQLString() != null) {
            var sql = call.getSQLString();
            if (sql.regionMatches(true, 0, "SELECT", 0, 6)) {
                SELECTS.increment();
            } else if (sql.regionMatches(true, 0, "INSERT", 0, 6)) {
                INSERTS.increment();
            } else if (sql.regionMatches(true, 0, "UPDATE", 0, 6)) {
                UPDATES.increment();
            } else if (sql.regionMatches(true, 0, "DELETE", 0, 6)) {
                DELETES.increment();
            }
        }
    }
}
