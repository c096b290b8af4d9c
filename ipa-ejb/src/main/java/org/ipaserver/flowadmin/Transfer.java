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
 * whose lease still runs is refused: a live instance's flows move by stopping it first. The
 * target's registration is locked at its epoch meanwhile, and a printed script guards each
 * statement with both conditions, so that it changes nothing once one has failed.
 */
final class Transfer {

    /** What a transfer will do, with the statements that do it. */
    record Plan(String from, String to, int flows, List<Database.Change> changes) {
    }

    /** How long after its lease ran out an instance still counts as live (the clocks may differ). */
    static final java.time.Duration LEASE_MARGIN = java.time.Duration.ofSeconds(10);

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
        // a margin of one lease: the admin's clock may run ahead of the instances'
        var liveAfter = now.minus(LEASE_MARGIN);
        if (source != null && Instance.LIVE.equals(source.status) && source.leaseUntil.isAfter(liveAfter)) {
            throw new Database.Refused("storage ID " + from + " is held by a live instance (" + source.host
                    + ", lease until " + source.leaseUntil + "): stop it first, or wait until its lease has run out "
                    + "and the cluster has taken it over");
        }
        var target = registration(db, to);
        if (target == null && !FlowOwner.MIGRATION_STORAGE_ID.equals(to)) {
            throw new Database.Refused("storage ID " + to + " is not registered: no instance would run the flows. Start "
                    + "the instance that holds it first (or transfer to 'migration' to park them)");
        }
        long epoch = target == null ? 0 : target.epoch;
        var selected = "storage_id = " + db.text(from) + " AND status NOT IN "
                + db.ids(FlowStatus.ENDED_CODES)
                + (flowIds.isEmpty() ? "" : " AND flow_id IN " + db.ids(flowIds));
        var found = db.strings("SELECT flow_id FROM flowexec_Flows WHERE " + selected);
        if (!flowIds.isEmpty() && found.size() != flowIds.size()) {
            var missing = new ArrayList<>(flowIds);
            missing.removeAll(found);
            throw new Database.Refused("not unfinished flows of storage ID " + from + ": " + String.join(", ", missing)
                    + " (ended, owned by another storage ID, or no such flow); nothing was changed");
        }
        if (found.isEmpty()) {
            throw new Database.Refused("storage ID " + from + " owns no unfinished flow: nothing to transfer");
        }
        if (!flowIds.isEmpty()) {
            wholeTrees(db, flowIds, "storage_id = " + db.text(from) + " AND ");
        }
        var changes = new ArrayList<Database.Change>();
        var guards = new ArrayList<String>();
        if (target != null) {
            // locks the target's registration meanwhile: it cannot register again under the flows' feet
            changes.add(new Database.Change("storage ID " + to + " is still at epoch " + epoch,
                    "UPDATE ipa_Instances SET epoch = epoch WHERE storage_id = " + db.text(to) + " AND epoch = " + epoch, 1));
            guards.add("EXISTS (SELECT 1 FROM ipa_Instances WHERE storage_id = " + db.text(to) + " AND epoch = " + epoch
                    + ")");
        }
        if (source != null) {
            changes.add(new Database.Change("fence storage ID " + from + ": its epoch " + source.epoch + " ends",
                    "UPDATE ipa_Instances SET status = " + db.text(Instance.TAKEN_OVER) + ", epoch = epoch + 1, "
                            + "incarnation = " + db.text(to) + ", lease_until = " + db.time(now)
                            + " WHERE storage_id = " + db.text(from) + " AND epoch = " + source.epoch
                            + " AND NOT (status = " + db.text(Instance.LIVE) + " AND lease_until > " + db.time(liveAfter)
                            + ")", 1));
            guards.add("EXISTS (SELECT 1 FROM ipa_Instances WHERE storage_id = " + db.text(from) + " AND epoch = "
                    + (source.epoch + 1) + " AND status = " + db.text(Instance.TAKEN_OVER) + " AND incarnation = "
                    + db.text(to) + ")");
        }
        // In a printed script each statement checks the guards itself: run past a failed one, it changes nothing.
        var unfinished = selected + guards.stream().map(g -> " AND " + g).collect(java.util.stream.Collectors.joining());
        var moved = "(SELECT flow_id FROM flowexec_Flows WHERE " + unfinished + ")";
        // A user's work on a work item locks its flow, then the item: the flows are locked here first,
        // in that order too, or a live instance taking one for work meanwhile would deadlock with this.
        changes.add(new Database.Change("the flows are locked before their work items are written",
                "UPDATE flowexec_Flows SET row_version = row_version WHERE " + unfinished, -1));
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

    /**
     * Refuses a choice of flows that splits a tree: a parent and the flows it runs share an owner,
     * so an unfinished parent or child of a flow named (among the rows {@code where} selects) must
     * be named too.
     */
    static void wholeTrees(Database db, List<String> flowIds, String where) throws SQLException {
        var relatives = new ArrayList<>(db.strings("SELECT flow_id FROM flowexec_Flows WHERE " + where
                + "ended_at IS NULL AND (parent_flow_id IN " + db.ids(flowIds)
                + " OR flow_id IN (SELECT parent_flow_id FROM flowexec_Flows WHERE flow_id IN " + db.ids(flowIds) + "))"));
        relatives.removeAll(flowIds);
        if (!relatives.isEmpty()) {
            throw new Database.Refused("a flow tree moves whole (a parent and the flows it runs share an owner): "
                    + "name its unfinished parent or child flows too: " + String.join(", ", relatives)
                    + "; nothing was changed");
        }
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
                        Database.utc(rows, 4));
            }
        }
    }
}
