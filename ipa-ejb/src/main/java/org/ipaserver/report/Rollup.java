package org.ipaserver.report;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.flow.FlowStatus;
import org.ipaserver.flow.StateDocument;
import org.ipaserver.workitem.WorkItemStatus;

/**
 * What happened in a window of time {@code (from, to]}, added up per process version and UTC day
 * (flows launched, completed, put in error, cancelled; time spent in each state by the flows that
 * completed) and per workgroup and day (waiting and handling times of completed work items).
 * It is read day by day, each day by ranges of the time indexes.
 */
final class Rollup {

    record DayKey(String process, int version, LocalDate day) {
    }

    record StateKey(String process, int version, LocalDate day, String state) {
    }

    record WorkKey(String workgroup, LocalDate day) {
    }

    static final class Counts {
        long launched;
        long completed;
        long failed;
        long cancelled;

        void add(Counts other) {
            launched += other.launched;
            completed += other.completed;
            failed += other.failed;
            cancelled += other.cancelled;
        }
    }

    static final class Times {
        long visits;
        long totalMillis;
        final Histogram histogram = new Histogram();

        void add(long millis) {
            visits++;
            totalMillis += millis;
            histogram.add(millis);
        }

        void add(Times other) {
            visits += other.visits;
            totalMillis += other.totalMillis;
            histogram.addAll(other.histogram);
        }
    }

    static final class WorkTimes {
        long items;
        final Histogram waiting = new Histogram();
        final Histogram handling = new Histogram();

        void add(WorkTimes other) {
            items += other.items;
            waiting.addAll(other.waiting);
            handling.addAll(other.handling);
        }
    }

    /** Work items sent to a user rather than to a workgroup are counted under this name. */
    static final String TO_A_USER = "";
    private static final int PAGE = 1000;
    private static final List<String> IN_ERROR = List.of(FlowStatus.ERROR.code(), FlowStatus.RESTORED_IN_ERROR.code());

    final Map<DayKey, Counts> days = new HashMap<>();
    final Map<StateKey, Times> states = new HashMap<>();
    final Map<WorkKey, WorkTimes> work = new HashMap<>();

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    static Rollup read(EntityManager em, DefinitionCatalog catalog, Instant from, Instant to) {
        var rollup = new Rollup();
        rollup.countByDay(em, "f.startedAt", "", from, to, (row, counts) -> counts.launched += (Long) row[2]);
        rollup.countByDay(em, "f.endedAt", "", from, to, (row, counts) -> {
            if (FlowStatus.COMPLETED.code().equals(row[3])) {
                counts.completed += (Long) row[2];
            } else {
                counts.cancelled += (Long) row[2];
            }
        });
        rollup.countByDay(em, "f.updatedAt", "AND f.status IN :inError ", from, to,
                (row, counts) -> counts.failed += (Long) row[2]);
        rollup.readStateTimes(em, catalog, from, to);
        rollup.readWorkTimes(em, from, to);
        return rollup;
    }

    private interface CountRow {
        void add(Object[] row, Counts counts);
    }

    /** One grouped count per day that has rows, of the flows whose {@code time} is in the window. */
    private void countByDay(EntityManager em, String time, String condition, Instant from, Instant to, CountRow add) {
        boolean byStatus = time.equals("f.endedAt");
        var select = "SELECT f.definitionName, f.definitionVersion, COUNT(f)" + (byStatus ? ", f.status" : "")
                + " FROM FlowRecord f WHERE " + time + " > :from AND " + time + " <= :to " + condition
                + "GROUP BY f.definitionName, f.definitionVersion" + (byStatus ? ", f.status" : "");
        forEachDay(em, "SELECT MIN(" + time + ") FROM FlowRecord f WHERE " + time + " > :from AND " + time
                + " <= :to " + condition, condition, from, to, (a, b) -> {
                    var query = em.createQuery(select, Object[].class).setParameter("from", a).setParameter("to", b);
                    if (!condition.isEmpty()) {
                        query.setParameter("inError", IN_ERROR);
                    }
                    for (var row : query.getResultList()) {
                        add.add(row, days.computeIfAbsent(new DayKey((String) row[0], (Integer) row[1], day(b)),
                                key -> new Counts()));
                    }
                });
    }

    private interface Window {
        void read(Instant from, Instant to);
    }

    /**
     * Splits {@code (from, to]} at UTC midnights, from the first day that has a row on: a window of
     * one day is read as {@code (day start - 1 µs, next day start - 1 µs]}, times being whole microseconds.
     */
    private static void forEachDay(EntityManager em, String first, String condition, Instant from, Instant to,
                                   Window window) {
        var query = em.createQuery(first).setParameter("from", from).setParameter("to", to);
        if (!condition.isEmpty()) {
            query.setParameter("inError", IN_ERROR);
        }
        var earliest = instant(query.getSingleResult());
        if (earliest == null) {
            return;
        }
        var micro = Duration.ofNanos(1000);
        for (var day = day(earliest); !day.isAfter(day(to)); day = day.plusDays(1)) {
            var start = day.atStartOfDay(ZoneOffset.UTC).toInstant().minus(micro);
            var end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(micro);
            window.read(start.isAfter(from) ? start : from, end.isBefore(to) ? end : to);
        }
    }

    /** The time each completed flow spent in each state it went through, from its final state document. */
    private void readStateTimes(EntityManager em, DefinitionCatalog catalog, Instant from, Instant to) {
        var processes = new HashMap<String, CompiledProcess>();
        var status = List.of(FlowStatus.COMPLETED.code());
        pages(em, "FlowRecord", "endedAt", "x.definitionName, x.definitionVersion, x.startedAt, x.stateDocument",
                "AND x.status IN :status ", status, from, to, row -> {
                    var name = (String) row[2];
                    int version = (Integer) row[3];
                    var process = processes.computeIfAbsent(name + "\u0000" + version, key ->
                            catalog.find(em, name, version).orElse(null));
                    if (process == null || row[5] == null) {
                        return;
                    }
                    var state = StateDocument.read((String) row[5], process);
                    if (state.historyDropped() > 0) {
                        return; // the oldest changes of state are not known: its times would be wrong
                    }
                    var ended = (Instant) row[1];
                    var day = day(ended);
                    var current = process.definition().startState();
                    var since = (Instant) row[4];
                    for (var change : state.stateChanges(process)) {
                        stateTime(name, version, day, current, since, change.at());
                        current = change.state();
                        since = change.at();
                    }
                    stateTime(name, version, day, current, since, ended);
                });
    }

    private void stateTime(String process, int version, LocalDate day, String state, Instant from, Instant to) {
        states.computeIfAbsent(new StateKey(process, version, day, state), key -> new Times())
                .add(Math.max(0, ChronoUnit.MILLIS.between(from, to)));
    }

    private void readWorkTimes(EntityManager em, Instant from, Instant to) {
        pages(em, "WorkItem", "completedAt", "x.workgroup, x.createdAt, x.pickedUpAt", "AND x.status IN :status ",
                List.of(WorkItemStatus.COMPLETED.code()), from, to, row -> {
                    var completed = (Instant) row[1];
                    var sent = (Instant) row[3];
                    var picked = row[4] == null ? completed : (Instant) row[4];
                    var times = work.computeIfAbsent(new WorkKey(row[2] == null ? TO_A_USER : (String) row[2],
                            day(completed)), key -> new WorkTimes());
                    times.items++;
                    times.waiting.add(Math.max(0, ChronoUnit.MILLIS.between(sent, picked)));
                    times.handling.add(Math.max(0, ChronoUnit.MILLIS.between(picked, completed)));
                });
    }

    /**
     * The rows of {@code entity} whose {@code time} is in the window, a page at a time in the order
     * of (time, id), each row being {@code [id, time, columns...]}. The page after (t, id) starts at
     * {@code time >= t}, a bound the time index can seek to (an OR alone makes it scan from the start).
     */
    private static void pages(EntityManager em, String entity, String time, String columns, String condition,
                              List<String> status, Instant from, Instant to, Consumer<Object[]> each) {
        var jpql = "SELECT x.id, x." + time + ", " + columns + " FROM " + entity + " x WHERE x." + time + " > :from AND x."
                + time + " <= :to " + condition + "AND x." + time + " >= :after AND (x." + time + " > :after OR x.id > :id) "
                + "ORDER BY x." + time + ", x.id";
        var after = from;
        var id = "";
        while (true) {
            var rows = em.createQuery(jpql, Object[].class).setParameter("from", from).setParameter("to", to)
                    .setParameter("status", status).setParameter("after", after).setParameter("id", id)
                    .setMaxResults(PAGE).getResultList();
            rows.forEach(each);
            if (rows.size() < PAGE) {
                return;
            }
            var last = rows.get(rows.size() - 1);
            id = (String) last[0];
            after = (Instant) last[1];
        }
    }

    /** MIN of an instant: the converted value or, should the provider not convert an aggregate, the column's. */
    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    /** Adds another window's rollup (the part not yet rolled up, when a report is read). */
    void add(Rollup other) {
        other.days.forEach((key, counts) -> days.computeIfAbsent(key, k -> new Counts()).add(counts));
        other.states.forEach((key, times) -> states.computeIfAbsent(key, k -> new Times()).add(times));
        other.work.forEach((key, times) -> work.computeIfAbsent(key, k -> new WorkTimes()).add(times));
    }
}
