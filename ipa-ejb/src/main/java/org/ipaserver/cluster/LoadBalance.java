package org.ipaserver.cluster;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowRecord;
import org.ipaserver.flow.FlowStatus;

/**
 * PAS_LoadBalanceThreshold: an instance holding more active flows (not ended: running, waiting, in
 * error) than the threshold hands new launches to the live instance holding the fewest, if that one
 * holds fewer than the threshold and fewer than it. The counts are read from the database about
 * once a second ({@link #count}); a hand-over made since counts at once, so that a burst spreads
 * instead of all going to the one that was lowest at the last reading.
 */
public final class LoadBalance {

    /** A live registration and its active flows when last counted (plus the hand-overs to it since). */
    public record ActiveFlows(String storageId, long epoch, long count) {
    }

    private record Counted(ActiveFlows read, AtomicLong handedOver) {

        long count() {
            return read.count() + handedOver.get();
        }
    }

    private volatile Map<String, Counted> live = Map.of();

    /**
     * The live registrations with their active flows, as the database has them now. An instance
     * alone has no one to hand launches to: its flows are not counted.
     */
    public static List<ActiveFlows> count(EntityManager em, Clock clock) {
        var active = List.of(FlowStatus.RUNNING.code(), FlowStatus.WAITING.code(), FlowStatus.ERROR.code(),
                FlowStatus.RESTORED_IN_ERROR.code());
        var live = em.createQuery("SELECT i.storageId, i.epoch FROM Instance i WHERE i.status = :live "
                        + "AND i.leaseUntil > :now ORDER BY i.storageId", Object[].class)
                .setParameter("live", Instance.LIVE).setParameter("now", clock.instant()).getResultList();
        if (live.size() < 2) {
            return live.stream().map(row -> new ActiveFlows((String) row[0], (Long) row[1], 0)).toList();
        }
        return live.stream()
                .map(row -> new ActiveFlows((String) row[0], (Long) row[1], em.createQuery(
                                "SELECT COUNT(f) FROM FlowRecord f WHERE f.storageId = :id AND f.status IN :active",
                                Long.class) // one range of ix_flows_storage per status: ended flows are not read
                        .setParameter("id", row[0]).setParameter("active", active).getSingleResult()))
                .toList();
    }

    public void refresh(List<ActiveFlows> counted) {
        live = counted.stream().collect(Collectors.toUnmodifiableMap(ActiveFlows::storageId,
                read -> new Counted(read, new AtomicLong()), (a, b) -> a));
    }

    /** Where a launch on {@code self} goes instead, if anywhere; counted as handed over. */
    public Optional<ActiveFlows> target(String self, int threshold) {
        var known = live;
        var mine = known.get(self);
        if (mine == null || mine.count() <= threshold) {
            return Optional.empty();
        }
        var lowest = known.values().stream().filter(other -> !other.read().storageId().equals(self))
                .min(Comparator.comparingLong(Counted::count));
        if (lowest.isEmpty() || lowest.get().count() >= threshold || lowest.get().count() >= mine.count()) {
            return Optional.empty();
        }
        lowest.get().handedOver().incrementAndGet();
        var read = lowest.get().read();
        return Optional.of(new ActiveFlows(read.storageId(), read.epoch(), lowest.get().count()));
    }

    /**
     * Locks {@code target}'s registration for the caller's transaction, if it is still live at the
     * epoch counted: a re-registration or a take-over of it (each an update of that row first) then
     * waits for this transaction, and moves the flow it hands over with the others.
     *
     * @return the owner to hand the launch to, or empty when the target is gone (launch here)
     */
    public static Optional<FlowOwner> hold(EntityManager em, ActiveFlows target, Clock clock) {
        var owner = new FlowOwner(target.storageId(), target.epoch());
        return InstanceRegistry.holdLive(em, owner, clock) ? Optional.of(owner) : Optional.empty();
    }
}
