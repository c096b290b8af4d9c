package org.ipaserver.workitem;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.routing.RoutingDecision;
import org.ipaserver.routing.WorkgroupRouting;

/**
 * What a supervisor sees of a workgroup's queue at one moment: one aggregate query over the
 * waiting items, and routing's own assessment of the members (so "in hand" and "who is next"
 * are counted exactly as routing counts them).
 */
public final class QueueWatch {

    private QueueWatch() {
    }

    /** The workgroup's supervision view, or empty when there is no such workgroup. */
    public static Optional<WorkgroupSupervision> of(EntityManager em, String workgroup, Instant now) {
        return WorkgroupRouting.assess(em, workgroup, Map.of(), WorkItemRouter.ITEMS_IN_HAND)
                .map(decision -> view(em, workgroup, decision, now));
    }

    private static WorkgroupSupervision view(EntityManager em, String workgroup, RoutingDecision decision,
                                             Instant now) {
        int waiting = 0;
        int held = 0;
        var statuses = List.of(WorkItemStatus.ALERTING.code(), WorkItemStatus.HELD.code());
        var counts = em.createQuery("SELECT w.status, COUNT(w) FROM WorkItem w WHERE w.workgroup = :workgroup "
                        + "AND w.owner IS NULL AND w.status IN :waiting GROUP BY w.status", Object[].class)
                .setParameter("workgroup", workgroup).setParameter("waiting", statuses).getResultList();
        for (var row : counts) {
            int count = ((Number) row[1]).intValue();
            waiting += count;
            if (WorkItemStatus.HELD.code().equals(row[0])) {
                held += count;
            }
        }
        // the oldest by the index on (workgroup, status), read as the entity's own converted instant
        Instant oldest = waiting == 0 ? null : em.createQuery("SELECT w.createdAt FROM WorkItem w "
                        + "WHERE w.workgroup = :workgroup AND w.owner IS NULL AND w.status IN :waiting "
                        + "ORDER BY w.createdAt", Instant.class)
                .setParameter("workgroup", workgroup).setParameter("waiting", statuses)
                .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        var members = decision.candidates().stream()
                .map(a -> new WorkgroupSupervision.Member(a.user(), a.presence(), a.licence(), a.itemsInHand(),
                        a.excludedBecause()))
                .sorted(java.util.Comparator.comparing(WorkgroupSupervision.Member::user))
                .toList();
        int inHand = members.stream().mapToInt(WorkgroupSupervision.Member::itemsInHand).sum();
        long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
        return new WorkgroupSupervision(workgroup, waiting, held, oldest, age, inHand,
                decision.chosen().orElse(null), members);
    }
}
