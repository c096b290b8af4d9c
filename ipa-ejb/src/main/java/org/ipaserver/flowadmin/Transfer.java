package org.ipaserver.flowadmin;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ipaserver.cluster.Instance;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowRecord;
import org.ipaserver.flow.FlowStatus;
import org.ipaserver.workitem.WorkItemStatus;

/**
 * Moves unfinished flows from one storage ID to another by the rules of a take-over (see
 * {@code TakeOver} and {@code FlowTransfer}, which do the same inside a server): the source's
 * registration is fenced first (its epoch bumped by a conditional update, so an instance that comes
 * back under it cannot write), work items in hand come back held, calls in flight become restored
 * in error, and each flow gets the new owner, the target's epoch and a new row version. A source
 * whose lease still runs is refused: a live instance's flows move by stopping it first.
 */
final class Transfer {

    /** What a transfer will do, with the statements that do it. */
    record Plan(String from, String to, int flows, List<Database.Change> changes) {
    }

    private Transfer() {
    }

    static Plan plan(Database db, String from, String to, List<String> named, Instant now) throws SQLException {
        var flowIds = named.stream().distinct().toList();
        Database.id(from, "--from");
        Database.id(to, "--to");
        flowIds.forEach(id -> Database.id(id, "--flow"));
        if (from.equals(to)) {
            throw new Database.Refused("--from and --to are the same storage ID " + from);
        }
        var source = registration(db, from);
        if (source != null && Instance.LIVE.equals(source.status) && source.leaseUntil.isAfter(now)) {
            throw new Database.Refused("storage ID " + from + " is held by a live instance (" + source.host
                    + ", lease until " + source.leaseUntil + "): stop it first, or wait until its lease has run out "
                    + "and the cluster has taken it over");
        }
        var target = registration(db, to);
        long epoch = target == null ? 0 : target.epoch;
        var unfinished = "storage_id = " + db.text(from) + " AND status NOT IN "
                + db.ids(List.of(FlowStatus.COMPLETED.code(), FlowStatus.CANCELLED.code()))
                + (flowIds.isEmpty() ? "" : " AND flow_id IN " + db.ids(flowIds));
        var found = db.strings("SELECT flow_id FROM flowexec_Flows WHERE " + unfinished);
        if (!flowIds.isEmpty() && found.size() != flowIds.size()) {
            var missing = new ArrayList<>(flowIds);
            missing.removeAll(found);
            throw new Database.Refused("not unfinished flows of storage ID " + from + ": " + String.join(", ", missing)
                    + " (ended, owned by another storage ID, or no such flow); nothing was changed");
        }
        if (found.isEmpty()) {
            throw new Database.Refused("storage ID " + from + " owns no unfinished flow: nothing to transfer");
        }
        var changes = new ArrayList<Database.Change>();
        if (source != null) {
            changes.add(new Database.Change("fence storage ID " + from + ": its epoch " + source.epoch + " ends",
                    "UPDATE ipa_Instances SET status = " + db.text(Instance.TAKEN_OVER) + ", epoch = epoch + 1, "
                            + "incarnation = " + db.text(to) + ", lease_until = " + db.time(now)
                            + " WHERE storage_id = " + db.text(from) + " AND epoch = " + source.epoch
                            + " AND NOT (status = " + db.text(Instance.LIVE) + " AND lease_until > " + db.time(now) + ")",
                    1));
        }
        var moved = "(SELECT flow_id FROM flowexec_Flows WHERE " + unfinished + ")";
        changes.add(new Database.Change("work items in a user's hands come back held",
                "UPDATE ipa_WorkItems SET status = " + db.text(WorkItemStatus.HELD.code())
                        + ", row_version = row_version + 1 WHERE status = " + db.text(WorkItemStatus.PROCESSING.code())
                        + " AND workgroup IS NULL AND flow_id IN " + moved, -1));
        changes.add(new Database.Change("work items taken from a queue go back to it, held",
                "UPDATE ipa_WorkItems SET status = " + db.text(WorkItemStatus.HELD.code())
                        + ", owner = NULL, row_version = row_version + 1 WHERE status IN "
                        + db.ids(List.of(WorkItemStatus.PROCESSING.code(), WorkItemStatus.HELD.code()))
                        + " AND workgroup IS NOT NULL AND flow_id IN " + moved, -1));
        changes.add(new Database.Change("calls in flight are restored in error, not made again blindly",
                "UPDATE flowexec_Flows SET status = " + db.text(FlowStatus.RESTORED_IN_ERROR.code())
                        + ", error_message = CONCAT(" + db.text(FlowRecord.IN_FLIGHT_WHEN_STOPPED) + ", waiting_on)"
                        + ", lease_until = NULL, next_run_at = NULL, updated_at = " + db.time(now)
                        + ", row_version = row_version + 1 WHERE " + unfinished + " AND job = " + db.text(FlowRecord.CALL)
                        + " AND status = " + db.text(FlowStatus.WAITING.code()) + " AND lease_until IS NOT NULL", -1));
        changes.add(new Database.Change("the flows get their new owner (" + to + ", epoch " + epoch + ")",
                "UPDATE flowexec_Flows SET storage_id = " + db.text(to) + ", owner_epoch = " + epoch
                        + ", row_version = row_version + 1, lease_until = NULL WHERE " + unfinished, found.size()));
        return new Plan(from, to, found.size(), changes);
    }

    static String describe(Database db, String storageId) throws SQLException {
        if (FlowOwner.MIGRATION_STORAGE_ID.equals(storageId)) {
            return "the migration storage ID (imported flows)";
        }
        var row = registration(db, storageId);
        return row == null ? "not registered" : row.status + ", epoch " + row.epoch + ", host " + row.host;
    }

    private record Registration(long epoch, String status, String host, Instant leaseUntil) {
    }

    private static Registration registration(Database db, String storageId) throws SQLException {
        try (var query = db.connection.prepareStatement(
                "SELECT epoch, status, host, lease_until FROM ipa_Instances WHERE storage_id = ?")) {
            query.setString(1, storageId);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new Registration(rows.getLong(1), rows.getString(2), rows.getString(3),
                        Database.utc(rows.getTimestamp(4)));
            }
        }
    }
}
