package org.ipaserver.report;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The rollup tables (ipa_ReportDays, ipa_ReportStateTimes, ipa_ReportWorkTimes) and the cursor
 * saying how far they reach. Passes are serialised by the cursor's row: a pass moves it first, by
 * a conditional update, so two instances never add the same window twice.
 */
final class RollupStore {

    private static final String CURSOR = "rollups";

    private RollupStore() {
    }

    /** The time up to which the rollups are made. */
    static Instant reached(EntityManager em) {
        var value = em.createNativeQuery("SELECT reached_at FROM ipa_ReportCursor WHERE cursor_name = ?1")
                .setParameter(1, CURSOR).getSingleResult();
        return value instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC)
                : ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /** Claims the window {@code (from, to]}: false when another pass moved the cursor from {@code from} first. */
    static boolean claim(EntityManager em, Instant from, Instant to) {
        return em.createNativeQuery("UPDATE ipa_ReportCursor SET reached_at = ?1 WHERE cursor_name = ?2 AND reached_at = ?3")
                .setParameter(1, timestamp(to)).setParameter(2, CURSOR).setParameter(3, timestamp(from))
                .executeUpdate() == 1;
    }

    static void write(EntityManager em, Rollup rollup) {
        rollup.days.forEach((key, counts) -> {
            var params = new Object[] {counts.launched, counts.completed, counts.failed, counts.cancelled,
                key.process(), key.version(), Date.valueOf(key.day())};
            if (update(em, "UPDATE ipa_ReportDays SET launched = launched + ?1, completed = completed + ?2, "
                    + "failed = failed + ?3, cancelled = cancelled + ?4 WHERE definition_name = ?5 AND "
                    + "definition_version = ?6 AND report_day = ?7", params) == 0) {
                update(em, "INSERT INTO ipa_ReportDays (launched, completed, failed, cancelled, definition_name, "
                        + "definition_version, report_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", params);
            }
        });
        rollup.states.forEach((key, times) -> {
            var where = " WHERE definition_name = ?1 AND definition_version = ?2 AND report_day = ?3 AND state_name = ?4";
            var day = Date.valueOf(key.day());
            var found = em.createNativeQuery("SELECT histogram FROM ipa_ReportStateTimes" + where)
                    .setParameter(1, key.process()).setParameter(2, key.version()).setParameter(3, day)
                    .setParameter(4, key.state()).getResultList();
            var histogram = Histogram.parse(found.isEmpty() ? null : (String) found.get(0));
            histogram.addAll(times.histogram);
            if (found.isEmpty()) {
                update(em, "INSERT INTO ipa_ReportStateTimes (definition_name, definition_version, report_day, state_name, "
                        + "visits, total_millis, histogram) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", key.process(),
                        key.version(), day, key.state(), times.visits, times.totalMillis, histogram.text());
            } else {
                update(em, "UPDATE ipa_ReportStateTimes SET visits = visits + ?5, total_millis = total_millis + ?6, "
                        + "histogram = ?7" + where, key.process(), key.version(), day, key.state(), times.visits,
                        times.totalMillis, histogram.text());
            }
        });
        rollup.work.forEach((key, times) -> {
            var where = " WHERE workgroup = ?1 AND report_day = ?2";
            var day = Date.valueOf(key.day());
            var found = em.createNativeQuery("SELECT waiting_histogram, handling_histogram FROM ipa_ReportWorkTimes"
                    + where).setParameter(1, key.workgroup()).setParameter(2, day).getResultList();
            var waiting = Histogram.parse(found.isEmpty() ? null : (String) ((Object[]) found.get(0))[0]);
            var handling = Histogram.parse(found.isEmpty() ? null : (String) ((Object[]) found.get(0))[1]);
            waiting.addAll(times.waiting);
            handling.addAll(times.handling);
            if (found.isEmpty()) {
                update(em, "INSERT INTO ipa_ReportWorkTimes (workgroup, report_day, items, waiting_histogram, "
                        + "handling_histogram) VALUES (?1, ?2, ?3, ?4, ?5)", key.workgroup(), day, times.items,
                        waiting.text(), handling.text());
            } else {
                update(em, "UPDATE ipa_ReportWorkTimes SET items = items + ?3, waiting_histogram = ?4, "
                        + "handling_histogram = ?5" + where, key.workgroup(), day, times.items, waiting.text(),
                        handling.text());
            }
        });
    }

    /** The rollups of {@code process} (every version when {@code version} is null) on the days {@code from..to}. */
    static Rollup read(EntityManager em, String process, Integer version, LocalDate from, LocalDate to) {
        var rollup = new Rollup();
        var where = " WHERE definition_name = ?1 AND report_day >= ?2 AND report_day <= ?3"
                + (version == null ? "" : " AND definition_version = ?4");
        for (var row : rows(em, "SELECT definition_version, report_day, launched, completed, failed, cancelled "
                + "FROM ipa_ReportDays" + where, process, from, to, version)) {
            var counts = rollup.days.computeIfAbsent(new Rollup.DayKey(process, (int) number(row[0]), day(row[1])),
                    key -> new Rollup.Counts());
            counts.launched += number(row[2]);
            counts.completed += number(row[3]);
            counts.failed += number(row[4]);
            counts.cancelled += number(row[5]);
        }
        for (var row : rows(em, "SELECT definition_version, report_day, state_name, visits, total_millis, histogram "
                + "FROM ipa_ReportStateTimes" + where, process, from, to, version)) {
            var times = rollup.states.computeIfAbsent(new Rollup.StateKey(process, (int) number(row[0]), day(row[1]),
                    (String) row[2]), key -> new Rollup.Times());
            times.visits += number(row[3]);
            times.totalMillis += number(row[4]);
            times.histogram.addAll(Histogram.parse((String) row[5]));
        }
        return rollup;
    }

    /** The work-item rollups of every workgroup on the days {@code from..to}. */
    static Rollup readWork(EntityManager em, LocalDate from, LocalDate to) {
        var rollup = new Rollup();
        var rows = em.createNativeQuery("SELECT workgroup, report_day, items, waiting_histogram, handling_histogram "
                        + "FROM ipa_ReportWorkTimes WHERE report_day >= ?1 AND report_day <= ?2")
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to)).getResultList();
        for (var result : rows) {
            var row = (Object[]) result;
            var times = rollup.work.computeIfAbsent(new Rollup.WorkKey((String) row[0], day(row[1])),
                    key -> new Rollup.WorkTimes());
            times.items += number(row[2]);
            times.waiting.addAll(Histogram.parse((String) row[3]));
            times.handling.addAll(Histogram.parse((String) row[4]));
        }
        return rollup;
    }

    private static java.util.List<Object[]> rows(EntityManager em, String sql, String process, LocalDate from,
                                                 LocalDate to, Integer version) {
        var query = em.createNativeQuery(sql).setParameter(1, process)
                .setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to));
        if (version != null) {
            query.setParameter(4, version);
        }
        return ((java.util.List<?>) query.getResultList()).stream().map(row -> (Object[]) row).toList();
    }

    private static int update(EntityManager em, String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.executeUpdate();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate local ? local : ((Date) value).toLocalDate();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
