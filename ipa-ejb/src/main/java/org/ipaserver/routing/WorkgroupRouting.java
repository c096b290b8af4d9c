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
     * item waits in the queue) or the workgroup does not exist. The same choice as {@link #decide},
     * in fewer queries: items in hand only break ties between the best holders of the skills, so
     * they are counted only when such a tie needs breaking.
     *
     * @param itemsInHand who holds how many open work items
     */
    public static Optional<String> offer(EntityManager em, String workgroup, Map<String, Integer> skills,
                                         ItemsInHand itemsInHand) {
        var candidates = Candidates.of(em, workgroup);
        var best = Router.decide(skills, candidates).candidates().stream()
                .filter(RoutingDecision.Assessment::qualifies).toList();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        var tied = best.stream().filter(a -> a.score() == best.get(0).score())
                .map(RoutingDecision.Assessment::user).toList();
        if (tied.size() == 1) {
            return Optional.of(tied.get(0));
        }
        var inHand = itemsInHand.byUser(em, tied);
        return Router.decide(skills, candidates.stream().filter(c -> tied.contains(c.user()))
                .map(c -> new Candidate(c.user(), c.presence(), c.licence(), c.skills(),
                        inHand.getOrDefault(c.user(), 0))).toList()).chosen();
    }

    /**
     * Every member of the workgroup assessed for an item needing {@code skills}, as routing would
     * decide now; empty when the workgroup does not exist.
     */
    public static Optional<RoutingDecision> assess(EntityManager em, String workgroup, Map<String, Integer> skills,
                                                   ItemsInHand itemsInHand) {
        return Workgroups.find(em, workgroup).map(group -> decide(em, group, skills, itemsInHand));
    }

    /** The one decision both real routing and the supervisors' routing question make. */
    static RoutingDecision decide(EntityManager em, Workgroup workgroup, Map<String, Integer> skills,
                                  ItemsInHand itemsInHand) {
        return Router.decide(skills, Candidates.of(em, workgroup, itemsInHand.byUser(em, workgroup.members())));
    }

    public static boolean isMember(EntityManager em, String user, String workgroup) {
        return Workgroups.find(em, workgroup).map(group -> group.members().contains(user)).orElse(false);
    }

    /** The names of all workgroups, in order. */
    public static java.util.List<String> names(EntityManager em) {
        return Workgroups.list(em).stream().map(Workgroup::name).toList();
    }

    /** The workgroups each of the users belongs to (an empty set for a user of none). */
    public static java.util.Map<String, java.util.Set<String>> workgroupsOf(EntityManager em,
                                                                           java.util.Collection<String> users) {
        var of = new java.util.HashMap<String, java.util.Set<String>>();
        users.forEach(user -> of.put(user, new java.util.TreeSet<>()));
        for (var group : Workgroups.list(em)) {
            group.members().stream().filter(of::containsKey).forEach(user -> of.get(user).add(group.name()));
        }
        return of;
    }

    /** The workgroups a user belongs to. */
    public static java.util.List<String> workgroupsOf(EntityManager em, String user) {
        return Workgroups.list(em).stream().filter(g -> g.members().contains(user)).map(Workgroup::name).toList();
    }
}
