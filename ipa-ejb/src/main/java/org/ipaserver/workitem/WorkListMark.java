package org.ipaserver.workitem;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ipaserver.routing.WorkgroupRouting;

/**
 * How a user's My Work Items stand at one moment: their workgroups, and the number and the summed
 * row versions of the open items in their lists (their own, and those waiting in their workgroups'
 * queues). Any change to one of those items bumps its row version, and an item that comes or goes
 * changes the count, so a different mark means the lists changed; equal marks, that they did not
 * (short of changes that cancel out exactly, which the next change corrects). Comparing marks
 * is how the live My Work Items learns of changes made on any instance, without reading the lists.
 */
public record WorkListMark(Set<String> workgroups, long items, long versions) {

    /** The marks of these users, read in two queries whatever their number. */
    public static Map<String, WorkListMark> of(EntityManager em, Set<String> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        var workgroups = WorkgroupRouting.workgroupsOf(em, users);
        var queues = workgroups.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        var query = em.createQuery("SELECT w.owner, w.workgroup, COUNT(w), SUM(w.version) FROM WorkItem w "
                + "WHERE w.status IN :open AND " + (queues.isEmpty() ? "w.owner IN :users"
                : "(w.owner IN :users OR (w.owner IS NULL AND w.workgroup IN :queues))")
                + " GROUP BY w.owner, w.workgroup", Object[].class)
                .setParameter("open", WorkItemDesk.openCodes()).setParameter("users", users);
        if (!queues.isEmpty()) {
            query.setParameter("queues", queues);
        }
        var owned = new HashMap<String, long[]>();
        var waiting = new HashMap<String, long[]>();
        for (var row : query.getResultList()) {
            var into = row[0] != null ? owned.computeIfAbsent((String) row[0], k -> new long[2])
                    : waiting.computeIfAbsent((String) row[1], k -> new long[2]);
            into[0] += ((Number) row[2]).longValue();
            into[1] += ((Number) row[3]).longValue();
        }
        var marks = new HashMap<String, WorkListMark>();
        for (var user : users) {
            var total = owned.getOrDefault(user, new long[2]).clone();
            for (var queue : workgroups.get(user)) {
                var inQueue = waiting.getOrDefault(queue, new long[2]);
                total[0] += inQueue[0];
                total[1] += inQueue[1];
            }
            marks.put(user, new WorkListMark(Set.copyOf(workgroups.get(user)), total[0], total[1]));
        }
        return marks;
    }
}
