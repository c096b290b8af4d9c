package org.ipaserver.flow;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/**
 * Moves the unfinished flows of one storage ID to another owner, as a take-over does (and, later,
 * an administrator's transfer): the calls the old owner had in flight are restored in error, not
 * made again blindly; then every unfinished flow gets the new owner and epoch, its row version
 * bumped, so that a write the old owner still prepares from a copy it read before fails its
 * optimistic check; and job leases are cleared, so the new owner's workers take due jobs at once.
 * Timers stay due as they were. The caller owns the transaction.
 */
public final class FlowTransfer {

    private FlowTransfer() {
    }

    /** What a transfer did. */
    public record Moved(int flows, int callsRestoredInError) {
    }

    /**
     * Locks the unfinished flows of {@code from} before anything of theirs is written. A user's work
     * on a work item locks its flow, then the item; a take-over that wrote the items first would
     * deadlock with one taken for work meanwhile. Such a flow is waited for, and is then no longer
     * {@code from}'s.
     */
    public static void lock(EntityManager em, String from) {
        em.createQuery("SELECT f FROM FlowRecord f WHERE f.storageId = :from AND f.status NOT IN :ended",
                        FlowRecord.class)
                .setParameter("from", from)
                .setParameter("ended", FlowStatus.ENDED_CODES)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public static Moved move(EntityManager em, String from, FlowOwner to, Instant now) {
        var inFlight = em.createQuery("SELECT f FROM FlowRecord f WHERE f.storageId = :from AND f.job = :call "
                        + "AND f.status = :waiting AND f.leaseUntil IS NOT NULL", FlowRecord.class)
                .setParameter("from", from).setParameter("call", FlowRecord.CALL)
                .setParameter("waiting", FlowStatus.WAITING.code()).getResultList();
        inFlight.forEach(record -> record.restoredInError(now));
        em.flush(); // before the bulk update, which the persistence context does not see
        int flows = em.createQuery("UPDATE FlowRecord f SET f.storageId = :to, f.ownerEpoch = :epoch, "
                        + "f.rowVersion = f.rowVersion + 1, f.leaseUntil = NULL "
                        + "WHERE f.storageId = :from AND f.status NOT IN :ended")
                .setParameter("to", to.storageId()).setParameter("epoch", to.epoch()).setParameter("from", from)
                .setParameter("ended", FlowStatus.ENDED_CODES)
                .executeUpdate();
        em.clear(); // the copies read above are stale now
        return new Moved(flows, inFlight.size());
    }
}
