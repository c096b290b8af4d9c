package org.ipaserver.flowadmin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowStatus;

/**
 * flow-admin: the flows and instances of a flow store by storage ID, transfer of flows between
 * storage IDs, and export and import of flows, straight on the database (a server need not run).
 * {@code ./ipa flow-admin} runs it on the database the server uses; its usage is {@link #USAGE}.
 * Exit status: 0 done, 1 refused or failed (nothing changed), 2 a bad command line.
 */
public final class FlowAdmin {

    static final String USAGE = """
            usage: flow-admin --url JDBC-URL [--user USER] COMMAND [options]   (password: $IPA_FLOW_ADMIN_PASSWORD)

              help                      this text
              instances                 the storage IDs registered and those owning unfinished flows:
                                        status, epoch, host, lease, unfinished flows
              flows [--storage-id ID] [--status S] [--limit N]
                                        flows, newest first (N: 50); ID "migration" is the migration
                                        storage ID of imported flows
              transfer --from ID --to ID [--flow FLOW]... [--print-sql]
                                        move the unfinished flows of one storage ID (or only the
                                        flows named) to another, fenced like a take-over; refused
                                        while the source's instance is live. --print-sql prints
                                        the statements for a DBA instead of running them
              export --dir DIR (--storage-id ID | --flow FLOW...)
                                        write each flow (its rows, its definition version) to
                                        DIR/<flow>.json; the database is not changed
              import --dir DIR [--print-sql]
                                        insert the flows of DIR/*.json under the migration storage
                                        ID %s, all or none;
                                        transfer them to an instance's storage ID to run them
            """.formatted(FlowOwner.MIGRATION_STORAGE_ID);

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    FlowAdmin(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new FlowAdmin(System.out, System.err, Clock.systemUTC()).run(args, System.getenv("IPA_FLOW_ADMIN_PASSWORD")));
    }

    /** Runs one command line; answers the exit status, having said why on standard error. */
    int run(String[] args, String password) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("flow-admin: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.command.equals("help")) {
            out.print(USAGE);
            return 0;
        }
        try (var db = Database.open(options.url, options.user, password == null ? "" : password)) {
            command(db, options);
            return 0;
        } catch (Database.Refused e) {
            err.println("flow-admin: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("flow-admin: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            err.println("flow-admin: the database answered: " + e.getMessage() + " (SQLState " + e.getSQLState()
                    + "); nothing was changed");
            return 1;
        } catch (IOException e) {
            err.println("flow-admin: " + e + "; nothing was changed");
            return 1;
        }
    }

    private void command(Database db, Options options) throws SQLException, IOException {
        switch (options.command) {
            case "instances" -> instances(db);
            case "flows" -> flows(db, options);
            case "transfer" -> {
                var plan = Transfer.plan(db, storageId(options.required("from")), storageId(options.required("to")),
                        options.flows, clock.instant());
                if (options.printSql) {
                    out.print(db.script("flow-admin transfer of " + plan.flows() + " flows from storage ID "
                            + plan.from() + " to " + plan.to() + " (" + Transfer.describe(db, plan.to()) + ")",
                            plan.changes()));
                } else {
                    db.apply(plan.changes());
                    out.println("transferred " + plan.flows() + " flows from " + plan.from() + " to " + plan.to()
                            + " (" + Transfer.describe(db, plan.to()) + ")");
                }
            }
            case "export" -> {
                var dir = Path.of(options.required("dir"));
                List<String> ids;
                if (!options.flows.isEmpty()) {
                    ids = options.flows.stream().distinct().toList();
                    ids.forEach(id -> Database.id(id, "--flow"));
                    Transfer.wholeTrees(db, ids, "");
                } else if (options.values.containsKey("storage-id")) {
                    ids = db.strings("SELECT flow_id FROM flowexec_Flows WHERE storage_id = "
                            + db.text(Database.id(storageId(options.values.get("storage-id")), "--storage-id"))
                            + " ORDER BY started_at");
                } else {
                    throw new IllegalArgumentException("export needs --storage-id ID or --flow FLOW");
                }
                out.println("exported " + FlowFiles.export(db, ids, dir) + " flows to " + dir);
            }
            case "import" -> {
                var plan = FlowFiles.importPlan(db, Path.of(options.required("dir")));
                if (options.printSql) {
                    out.print(db.script("flow-admin import of " + plan.flows().size() + " flows under the migration "
                            + "storage ID " + FlowOwner.MIGRATION_STORAGE_ID, plan.changes()));
                } else {
                    db.apply(plan.changes());
                    out.println("imported " + plan.flows().size() + " flows under the migration storage ID "
                            + FlowOwner.MIGRATION_STORAGE_ID + (plan.definitionsAdded().isEmpty() ? ""
                            : "; definitions added: " + String.join(", ", plan.definitionsAdded())));
                }
            }
            default -> throw new IllegalArgumentException("unknown command '" + options.command + "'");
        }
    }

    private static String storageId(String value) {
        return "migration".equals(value) ? FlowOwner.MIGRATION_STORAGE_ID : value;
    }

    private void instances(Database db) throws SQLException {
        var unfinished = new LinkedHashMap<String, Long>();
        try (var statement = db.connection.createStatement();
             var rows = statement.executeQuery("SELECT storage_id, COUNT(*) FROM flowexec_Flows WHERE status NOT IN "
                     + db.ids(FlowStatus.ENDED_CODES)
                     + " GROUP BY storage_id ORDER BY storage_id")) {
            while (rows.next()) {
                unfinished.put(rows.getString(1), rows.getLong(2));
            }
        }
        var now = clock.instant();
        var lines = new ArrayList<List<String>>();
        lines.add(List.of("STORAGE ID", "STATUS", "EPOCH", "HOST", "LEASE UNTIL", "UNFINISHED FLOWS"));
        try (var statement = db.connection.createStatement();
             var rows = statement.executeQuery("SELECT storage_id, status, epoch, host, lease_until FROM ipa_Instances "
                     + "ORDER BY storage_id")) {
            while (rows.next()) {
                var id = rows.getString(1);
                var leaseUntil = Database.utc(rows, 5);
                var status = rows.getString(2);
                if (org.ipaserver.cluster.Instance.LIVE.equals(status) && !leaseUntil.isAfter(now)) {
                    status = "lease-expired";
                }
                lines.add(List.of(id, status, Long.toString(rows.getLong(3)), String.valueOf(rows.getString(4)),
                        leaseUntil.toString(), Long.toString(unfinished.getOrDefault(id, 0L))));
                unfinished.remove(id);
            }
        }
        unfinished.forEach((id, count) -> lines.add(List.of(id, FlowOwner.MIGRATION_STORAGE_ID.equals(id)
                ? "migration" : "not registered", "-", "-", "-", Long.toString(count))));
        table(lines);
    }

    private void flows(Database db, Options options) throws SQLException {
        var where = new ArrayList<String>();
        if (options.values.containsKey("storage-id")) {
            where.add("storage_id = " + db.text(Database.id(storageId(options.values.get("storage-id")), "--storage-id")));
        }
        if (options.values.containsKey("status")) {
            var status = FlowStatus.byCode(options.values.get("status")).orElseThrow(() -> new IllegalArgumentException(
                    "--status must be one of running, waiting, completed, cancelled, error, restored-in-error"));
            where.add("status = " + db.text(status.code()));
        }
        int limit = options.number("limit", 50);
        var lines = new ArrayList<List<String>>();
        lines.add(List.of("FLOW", "PROCESS", "VERSION", "STATUS", "STATE", "STORAGE ID", "EPOCH", "STARTED"));
        try (var statement = db.connection.createStatement()) {
            statement.setMaxRows(limit);
            try (var rows = statement.executeQuery("SELECT flow_id, definition_name, definition_version, status, "
                    + "current_state, storage_id, owner_epoch, started_at FROM flowexec_Flows"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY started_at DESC")) {
                while (rows.next()) {
                    lines.add(List.of(rows.getString(1), rows.getString(2), Integer.toString(rows.getInt(3)),
                            rows.getString(4), String.valueOf(rows.getString(5)), rows.getString(6),
                            Long.toString(rows.getLong(7)), Database.utc(rows, 8).toString()));
                }
            }
        }
        table(lines);
    }

    private void table(List<List<String>> lines) {
        var widths = new int[lines.get(0).size()];
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        for (var line : lines) {
            var text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == widths.length - 1 ? line.get(i) : String.format("%-" + (widths[i] + 2) + "s", line.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** The command line: the connection, a command, its options. */
    static final class Options {
        String url;
        String user = "";
        String command;
        boolean printSql;
        final List<String> flows = new ArrayList<>();
        final Map<String, String> values = new LinkedHashMap<>();

        static Options parse(String[] args) {
            var options = new Options();
            for (int i = 0; i < args.length; i++) {
                var arg = args[i];
                switch (arg) {
                    case "--print-sql" -> options.printSql = true;
                    case "--url", "--user", "--from", "--to", "--flow", "--dir", "--storage-id", "--status", "--limit" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        var value = args[++i];
                        switch (arg) {
                            case "--url" -> options.url = value;
                            case "--user" -> options.user = value;
                            case "--flow" -> options.flows.add(value);
                            default -> options.values.put(arg.substring(2), value);
                        }
                    }
                    default -> {
                        if (arg.startsWith("-") || options.command != null) {
                            throw new IllegalArgumentException("unknown argument '" + arg + "'");
                        }
                        options.command = arg;
                    }
                }
            }
            if (options.url == null) {
                throw new IllegalArgumentException("--url is needed (./ipa flow-admin gives the server's database)");
            }
            if (options.command == null) {
                throw new IllegalArgumentException("a command is needed");
            }
            return options;
        }

        String required(String name) {
            var value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException(command + " needs --" + name);
            }
            return value;
        }

        int number(String name, int otherwise) {
            var value = values.get(name);
            try {
                int n = value == null ? otherwise : Integer.parseInt(value);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number from 1, not '" + value + "'");
            }
        }
    }
}
