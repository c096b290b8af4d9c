package org.ipaserver.routing;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The workgroups and their members. */
final class Workgroups {

    private Workgroups() {
    }

    /** All workgroups by name; members are read per workgroup, there are few workgroups. */
    static List<Workgroup> list(EntityManager em) {
        return em.createQuery("SELECT w FROM Workgroup w ORDER BY w.name", Workgroup.class).getResultList();
    }

    static Optional<Workgroup> find(EntityManager em, String name) {
        return Optional.ofNullable(em.find(Workgroup.class, name));
    }

    /** Creates or updates; members are replaced when given. True when the workgroup is new. */
    static boolean save(EntityManager em, String name, String description, Collection<String> members) {
        var workgroup = em.find(Workgroup.class, name);
        boolean created = workgroup == null;
        if (created) {
            workgroup = new Workgroup(name);
            em.persist(workgroup);
            em.flush(); // a creation racing this one fails here, as a unique-key violation, not at commit
        }
        workgroup.describe(description);
        if (members != null) {
            workgroup.replaceMembers(members);
        }
        return created;
    }

    /** Whether the user is a member of any workgroup. */
    static boolean hasMember(EntityManager em, String user) {
        return em.createQuery("SELECT COUNT(w) FROM Workgroup w JOIN w.members m WHERE m = :user", Long.class)
                .setParameter("user", user).getSingleResult() > 0;
    }
}
