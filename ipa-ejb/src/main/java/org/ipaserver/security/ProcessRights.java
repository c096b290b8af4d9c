package org.ipaserver.security;

import jakarta.persistence.EntityManager;
import java.util.List;

/** The administered grants in {@code ipa_ProcessRights}. */
public final class ProcessRights {

    private ProcessRights() {
    }

    /** The rights of a caller: their role and the grants naming them, their workgroups or any role. */
    public static AccessRights of(EntityManager em, Caller caller) {
        // Role grants are few; whether the caller holds the role is the container's to say.
        var rows = em.createQuery("SELECT g FROM ProcessGrant g WHERE g.principalKind = 'role'"
                        + " OR (g.principalKind = 'user' AND g.principalName = :user)"
                        + (caller.workgroups().isEmpty() ? ""
                        : " OR (g.principalKind = 'workgroup' AND g.principalName IN :workgroups)"), ProcessGrant.class)
                .setParameter("user", caller.name());
        if (!caller.workgroups().isEmpty()) {
            rows.setParameter("workgroups", caller.workgroups());
        }
        return new AccessRights(rows.getResultList().stream().map(ProcessGrant::grant).toList());
    }

    /** Every grant, or those on one process name (the name as stored: "*" lists the grants on all). */
    public static List<Grant> list(EntityManager em, String process) {
        var query = em.createQuery("SELECT g FROM ProcessGrant g"
                + (process == null ? "" : " WHERE g.processName = :p")
                + " ORDER BY g.processName, g.accessRight, g.principalKind, g.principalName",
                ProcessGrant.class);
        if (process != null) {
            query.setParameter("p", process);
        }
        return query.getResultList().stream().map(ProcessGrant::grant).toList();
    }

    /** Adds the grant unless it exists; true when it was added. */
    public static boolean add(EntityManager em, Grant grant) {
        if (find(em, grant) != null) {
            return false;
        }
        em.persist(new ProcessGrant(grant));
        return true;
    }

    /** Removes the grant if it exists; true when it did. */
    public static boolean remove(EntityManager em, Grant grant) {
        var row = find(em, grant);
        if (row == null) {
            return false;
        }
        em.remove(row);
        return true;
    }

    private static ProcessGrant find(EntityManager em, Grant grant) {
        return em.createQuery("SELECT g FROM ProcessGrant g WHERE g.principalKind = :kind"
                        + " AND g.principalName = :principal AND g.accessRight = :right AND g.processName = :process", ProcessGrant.class)
                .setParameter("kind", grant.kind().code()).setParameter("principal", grant.principal())
                .setParameter("right", grant.right().name()).setParameter("process", grant.process())
                .getResultStream().findFirst().orElse(null);
    }
}
