package org.ipaserver.cluster;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ipaserver.flow.FlowOwner;

/**
 * Registration of storage IDs in {@code ipa_Instances}, by conditional updates only, so that two
 * instances racing for one storage ID cannot both win. Registering bumps the epoch: whatever an
 * earlier incarnation of the storage ID still prepares under the old epoch is fenced. Leases are
 * compared with this server's clock: the instances of a cluster keep their clocks in step (NTP);
 * the lease (10 s by default) is far longer than any skew they should have.
 */
public final class InstanceRegistry {

    private static final Duration MAX_RENEWAL = Duration.ofSeconds(2);

    private final Clock clock;
    private final Duration lease;

    public InstanceRegistry(Clock clock, Duration lease) {
        this.clock = clock;
        this.lease = lease;
    }

    public Duration lease() {
        return lease;
    }

    /**
     * How often a live instance renews its lease: a third of it, at most every 2 s, so that an
     * instance the data grid saw leave shows within seconds whether it still runs.
     */
    public Duration renewal() {
        var third = lease.dividedBy(3);
        return third.compareTo(MAX_RENEWAL) < 0 ? third : MAX_RENEWAL;
    }

    /**
     * Registers this incarnation as the holder of {@code storageId} and returns its epoch.
     *
     * @throws StorageIdInUse when another incarnation holds it with a running lease
     */
    public long register(EntityManager em, String storageId, String incarnation, String host) {
        var now = clock.instant();
        var row = em.find(Instance.class, storageId);
        if (row == null) {
            em.persist(new Instance(storageId, incarnation, host, now, now.plus(lease)));
            em.flush(); // a concurrent first registration fails here, on the primary key
            return 1;
        }
        if (row.live(now) && !row.incarnation().equals(incarnation)) {
            throw new StorageIdInUse(storageId, row.view(now).host(), row.view(now).leaseUntil());
        }
        int won = em.createQuery("UPDATE Instance i SET i.epoch = i.epoch + 1, i.incarnation = :me, i.status = :live, "
                        + "i.host = :host, i.startedAt = :now, i.heartbeatAt = :now, i.leaseUntil = :until "
                        + "WHERE i.storageId = :id AND i.epoch = :epoch")
                .setParameter("me", incarnation).setParameter("live", Instance.LIVE).setParameter("host", host)
                .setParameter("now", now).setParameter("until", now.plus(lease)).setParameter("id", storageId)
                .setParameter("epoch", row.epoch()).executeUpdate();
        if (won == 0) {
            throw new StorageIdInUse(storageId, null, now.plus(lease)); // another registered in between
        }
        return row.epoch() + 1;
    }

    /** Renews the lease; false when this incarnation no longer holds the storage ID at this epoch (fenced). */
    public boolean heartbeat(EntityManager em, String storageId, String incarnation, long epoch) {
        var now = clock.instant();
        return em.createQuery("UPDATE Instance i SET i.heartbeatAt = :now, i.leaseUntil = :until "
                        + "WHERE i.storageId = :id AND i.incarnation = :me AND i.epoch = :epoch AND i.status = :live")
                .setParameter("now", now).setParameter("until", now.plus(lease)).setParameter("id", storageId)
                .setParameter("me", incarnation).setParameter("epoch", epoch).setParameter("live", Instance.LIVE)
                .executeUpdate() == 1;
    }

    /** A clean stop: the storage ID is free at once for the next start. */
    public void release(EntityManager em, String storageId, String incarnation, long epoch) {
        var now = clock.instant();
        em.createQuery("UPDATE Instance i SET i.status = :stopped, i.leaseUntil = :now "
                        + "WHERE i.storageId = :id AND i.incarnation = :me AND i.epoch = :epoch")
                .setParameter("stopped", Instance.STOPPED).setParameter("now", now).setParameter("id", storageId)
                .setParameter("me", incarnation).setParameter("epoch", epoch).executeUpdate();
    }

    /**
     * A live registration a survivor may claim: its lease ran out (its holder died or hangs), or,
     * when {@code heartbeatAt} is set, the data grid saw its holder leave and it has not renewed
     * its lease since it was read with that heartbeat.
     */
    public record Expired(String storageId, long epoch, Instant heartbeatAt) {

        public Expired(String storageId, long epoch) {
            this(storageId, epoch, null);
        }
    }

    /** The registration of {@code storageId} as it stands, if live (its lease may have run out); read from the database. */
    public Optional<Expired> standing(EntityManager em, String storageId) {
        return em.createQuery("SELECT i.epoch, i.heartbeatAt FROM Instance i WHERE i.storageId = :id "
                        + "AND i.status = :live", Object[].class)
                .setParameter("id", storageId).setParameter("live", Instance.LIVE).getResultList().stream()
                .findFirst().map(row -> new Expired(storageId, (Long) row[0], (Instant) row[1]));
    }

    /** The live registrations, other than {@code self}, whose lease ran out: candidates for a take-over. */
    public List<Expired> expired(EntityManager em, String self) {
        return em.createQuery("SELECT i.storageId, i.epoch FROM Instance i WHERE i.status = :live "
                        + "AND i.leaseUntil < :now AND i.storageId <> :self ORDER BY i.leaseUntil", Object[].class)
                .setParameter("live", Instance.LIVE).setParameter("now", clock.instant()).setParameter("self", self)
                .getResultList().stream().map(row -> new Expired((String) row[0], (Long) row[1])).toList();
    }

    /**
     * Claims an expired registration for {@code taker}, if it is still live at the epoch seen and
     * its lease still run out (or, for one the data grid saw leave, not renewed since it was read):
     * its status becomes taken-over and its epoch is bumped. One conditional update, so of
     * survivors racing for it exactly one wins; false for the others.
     */
    public boolean claim(EntityManager em, Expired dead, String taker) {
        var now = clock.instant();
        var silent = dead.heartbeatAt() == null ? "i.leaseUntil < :now" : "(i.leaseUntil < :now OR i.heartbeatAt = :beat)";
        var update = em.createQuery("UPDATE Instance i SET i.status = :takenOver, i.epoch = i.epoch + 1, "
                        + "i.incarnation = :taker, i.leaseUntil = :now WHERE i.storageId = :id AND i.epoch = :seen "
                        + "AND i.status = :live AND " + silent)
                .setParameter("takenOver", Instance.TAKEN_OVER).setParameter("taker", taker).setParameter("now", now)
                .setParameter("id", dead.storageId()).setParameter("seen", dead.epoch())
                .setParameter("live", Instance.LIVE);
        if (dead.heartbeatAt() != null) {
            update.setParameter("beat", dead.heartbeatAt());
        }
        return update.executeUpdate() == 1;
    }

    /**
     * Locks {@code owner}'s registration for the caller's transaction and tells whether it is live
     * at the owner's epoch: a re-registration or a take-over of it (each an update of that row
     * first) waits for that transaction, and then moves the flows it wrote as that owner.
     */
    public static boolean holdLive(EntityManager em, FlowOwner owner, Clock clock) {
        var row = em.find(Instance.class, owner.storageId(), LockModeType.PESSIMISTIC_WRITE);
        return row != null && row.live(clock.instant()) && row.epoch() == owner.epoch();
    }

    public List<InstanceView> list(EntityManager em) {
        var now = clock.instant();
        return em.createQuery("SELECT i FROM Instance i ORDER BY i.storageId", Instance.class).getResultList()
                .stream().map(i -> i.view(now)).toList();
    }
}
