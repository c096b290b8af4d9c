package org.ipaserver.workitem;

import static org.ipaserver.store.JsonFactory.JSON;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ipaserver.action.Outcome;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.flow.FlowRecord;
import org.ipaserver.flow.WorkItemDispatch;
import org.ipaserver.routing.ItemsInHand;
import org.ipaserver.routing.WorkgroupRouting;
import org.ipaserver.store.JsonFactory;

/**
 * Creates the work items flows ask for: routed to a user, that user holds it (alerting); routed to
 * a workgroup, it goes to the available member who holds the required skills best and has the
 * fewest items in hand, or waits in the queue until routing finds one (someone becomes available).
 */
public final class WorkItemRouter implements WorkItemDispatch {

    /** What routing counts as an item in someone's hand: an open work item they hold. */
    public static final ItemsInHand ITEMS_IN_HAND = WorkItemRouter::itemsInHand;

    private final Clock clock;

    public WorkItemRouter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String send(EntityManager em, FlowRecord flow, CompiledProcess process, Outcome.WorkItemRequested request) {
        var action = request.action();
        var form = process.definition().forms().stream().filter(f -> f.name().equals(action.form())).findFirst()
                .orElseThrow();
        var skills = JSON.createObjectBuilder();
        action.skills().forEach(skills::add);
        var item = new WorkItem(UUID.randomUUID().toString(), flow.id(), action.path(), form.name(), form.category(),
                request.description(), action.toWorkgroup() ? null : request.recipient(),
                action.toWorkgroup() ? request.recipient() : null, skills.build().toString(), request.deadline(),
                clock.instant());
        if (action.toWorkgroup()) {
            WorkgroupRouting.offer(em, request.recipient(), action.skills(), ITEMS_IN_HAND)
                    .ifPresent(member -> item.move(WorkItemStatus.ALERTING, member, clock.instant()));
        }
        em.persist(item);
        return item.id();
    }

    /**
     * Offers the items waiting in a user's workgroup queues, oldest first, to whom routing picks
     * now (the user, unless someone else qualifies better): called when they become available.
     */
    public int offerQueued(EntityManager em, String user) {
        em.flush(); // routing reads the stored presence, licences and skills: this transaction's changes first
        int offered = 0;
        for (var workgroup : WorkgroupRouting.workgroupsOf(em, user)) {
            // alerting: nobody qualified when it was routed; held: it came back to the queue at a restart
            var queued = em.createQuery("SELECT w FROM WorkItem w WHERE w.workgroup = :workgroup AND w.owner IS NULL"
                    + " AND w.status IN :waiting ORDER BY w.createdAt", WorkItem.class)
                    .setParameter("workgroup", workgroup)
                    .setParameter("waiting", List.of(WorkItemStatus.ALERTING.code(), WorkItemStatus.HELD.code()))
                    .getResultList();
            for (var item : queued) {
                var chosen = WorkgroupRouting.offer(em, workgroup, skills(item), ITEMS_IN_HAND);
                if (chosen.isPresent()) {
                    item.move(WorkItemStatus.ALERTING, chosen.get(), clock.instant());
                    em.flush(); // the next decision counts this item in its holder's hand
                    offered++;
                }
            }
        }
        return offered;
    }

    /** Re-routes an item sent back to a workgroup (transfer). */
    void route(EntityManager em, WorkItem item) {
        WorkgroupRouting.offer(em, item.workgroup(), skills(item), ITEMS_IN_HAND)
                .ifPresent(member -> item.move(WorkItemStatus.ALERTING, member, clock.instant()));
    }

    /** Counted for the workgroup's members only: an index range per member, not a scan of every item ever sent. */
    private static Map<String, Integer> itemsInHand(EntityManager em, java.util.Collection<String> users) {
        var counts = new HashMap<String, Integer>();
        if (users.isEmpty()) {
            return counts;
        }
        em.createQuery("SELECT w.owner, COUNT(w) FROM WorkItem w WHERE w.owner IN :users AND w.status IN :open "
                        + "GROUP BY w.owner", Object[].class)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT) // see offerQueued: flushed where it counts
                .setParameter("users", List.copyOf(users))
                .setParameter("open", List.of(WorkItemStatus.ALERTING.code(), WorkItemStatus.PROCESSING.code(),
                        WorkItemStatus.HELD.code()))
                .getResultList().forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    private static Map<String, Integer> skills(WorkItem item) {
        var skills = new HashMap<String, Integer>();
        if (item.requiredSkills() != null) {
            JsonFactory.readObject(item.requiredSkills()).forEach((skill, level) -> skills.put(skill,
                    ((jakarta.json.JsonNumber) level).intValue()));
        }
        return skills;
    }

    @Override
    public void withdraw(EntityManager em, String workItemId) {
        var item = em.find(WorkItem.class, workItemId);
        if (item != null && item.status().open()) {
            item.move(WorkItemStatus.CANCELLED, item.owner(), clock.instant());
        }
    }
}
