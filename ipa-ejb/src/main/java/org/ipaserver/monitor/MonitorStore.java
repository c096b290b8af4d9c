package org.ipaserver.monitor;

import jakarta.persistence.EntityManager;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.ipaserver.flow.FlowEvent;

/**
 * The journal's tables (ipa_MonitorEvents, ipa_MonitorState) in SQL that H2, PostgreSQL and SQL
 * Server all take: the number of an event comes from the column's default (the sequence
 * ipa_MonitorSeq), so that an insert is one statement on every database.
 */
final class MonitorStore {

    private MonitorStore() {
    }

    static void append(EntityManager em, FlowEvent event) {
        em.createNativeQuery("INSERT INTO ipa_MonitorEvents (flow_id, process, version, kind, at_time, payload) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, event.flowId()).setParameter(2, event.process()).setParameter(3, event.version())
                .setParameter(4, event.kind().code()).setParameter(5, timestamp(event.at()))
                .setParameter(6, MonitorMessages.payload(event)).executeUpdate();
    }

    static Instant activeUntil(EntityManager em) {
        return instant(em.createNativeQuery("SELECT active_until FROM ipa_MonitorState WHERE id = 1")
                .getSingleResult());
    }

    /**
     * Keeps events recorded until {@code until}. When recording had stopped (nobody watched), a
     * marker event is written first and the journal counts as complete only after it: a client
     * whose last number is older may have missed what was never recorded.
     */
    static void keepActive(EntityManager em, Instant now, Instant until) {
        if (!activeUntil(em).isAfter(now)) {
            // no flow: the columns are left out, a null bound for them has no type PostgreSQL takes
            em.createNativeQuery("INSERT INTO ipa_MonitorEvents (kind, at_time, payload) VALUES (?1, ?2, ?3)")
                    .setParameter(1, StoredEvent.RECORDING).setParameter(2, timestamp(now)).setParameter(3, "{}")
                    .executeUpdate();
            em.createNativeQuery("UPDATE ipa_MonitorState SET complete_after = ?1 WHERE id = 1")
                    .setParameter(1, last(em)).executeUpdate();
        }
        em.createNativeQuery("UPDATE ipa_MonitorState SET active_until = ?1 WHERE id = 1 AND active_until < ?2")
                .setParameter(1, timestamp(until)).setParameter(2, timestamp(until)).executeUpdate();
    }

    /** Deletes the events recorded before {@code before}; the journal is complete only after the last one deleted. */
    static int purge(EntityManager em, Instant before) {
        var newest = (Number) em.createNativeQuery("SELECT MAX(seq) FROM ipa_MonitorEvents WHERE at_time < ?1")
                .setParameter(1, timestamp(before)).getSingleResult();
        if (newest == null) {
            return 0;
        }
        int deleted = em.createNativeQuery("DELETE FROM ipa_MonitorEvents WHERE seq <= ?1")
                .setParameter(1, newest.longValue()).executeUpdate();
        em.createNativeQuery("UPDATE ipa_MonitorState SET complete_after = ?1 WHERE id = 1 AND complete_after < ?2")
                .setParameter(1, newest.longValue()).setParameter(2, newest.longValue()).executeUpdate();
        return deleted;
    }

    static long completeAfter(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT complete_after FROM ipa_MonitorState WHERE id = 1")
                .getSingleResult()).longValue();
    }

    /** The highest number in the journal, 0 when it is empty. */
    static long last(EntityManager em) {
        var last = (Number) em.createNativeQuery("SELECT MAX(seq) FROM ipa_MonitorEvents").getSingleResult();
        return last == null ? 0 : last.longValue();
    }

    static long lastBefore(EntityManager em, Instant instant) {
        var last = (Number) em.createNativeQuery("SELECT MAX(seq) FROM ipa_MonitorEvents WHERE at_time < ?1")
                .setParameter(1, timestamp(instant)).getSingleResult();
        return last == null ? 0 : last.longValue();
    }

    /** Events after {@code seq} (and at most {@code upTo}), in number order, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    static List<StoredEvent> after(EntityManager em, long seq, long upTo, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT seq, flow_id, process, version, kind, at_time, payload "
                        + "FROM ipa_MonitorEvents WHERE seq > ?1 AND seq <= ?2 ORDER BY seq")
                .setParameter(1, seq).setParameter(2, upTo).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> new StoredEvent(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], row[3] == null ? null : ((Number) row[3]).intValue(), (String) row[4],
                instant(row[5]), text(row[6]))).toList();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private static String text(Object value) {
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read a monitor event's payload", e);
            }
        }
        return (String) value;
    }
}
