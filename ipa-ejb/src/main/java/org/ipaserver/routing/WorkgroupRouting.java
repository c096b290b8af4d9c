package org.ipaserver.routing;

import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;

/** Routing as other features use it: who gets a workgroup item now, and who belongs to a workgroup. */
public final class WorkgroupRouting {

    private WorkgroupRouting() {
    }

    /**
     * The member who gets an item needing {@code skills} now, or empty when nobody qualifies (the
     * item waits in the queue) or the workgroup does not exist.
     *
     * @param itemsInHand who holds how many open work items
     */
    public static Optional<String> offer(EntityManager em, String workgroup, Map<String, Integer> skills,
                                         ItemsInHand itemsInHand) {
        return Workgroups.find(em, workgroup).flatMap(group -> decide(em, group, skills, itemsInHand).chosen());
    }

    /** The one decision both real routing and the supervisors' routing question make. */
    static RoutingDecision decide(EntityManager em, Workgroup workgroup, Map<String, Integer> skills,
                                  ItemsInHand itemsInHand) {
        return Router.decide(skills, Candidates.of(em, workgroup, itemsInHand.byUser(em, workgroup.members())));
    }

    public static boolean isMember(EntityManager em, String user, String workgroup) {
        return Workgroups.find(em, workgroup).map(group -> group.members().contains(user)).orElse(false);
    }

    /** The workgroups a user belongs to. */
    public static java.util.List<String> workgroupsOf(EntityManager em, String user) {
        return Workgroups.list(em).stream().filter(g -> g.members().contains(user)).map(Workgroup::name).toList();
    }
}
