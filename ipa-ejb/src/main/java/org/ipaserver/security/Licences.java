package org.ipaserver.security;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The licences granted to users; a user without a row holds {@link Licence#DEFAULT}. */
public final class Licences {

    private Licences() {
    }

    public static Licence of(EntityManager em, String user) {
        var row = em.find(UserLicence.class, user);
        return row == null ? Licence.DEFAULT : row.licence();
    }

    /** The licence of each of these users (those without a row hold the default). */
    public static Map<String, Licence> of(EntityManager em, Collection<String> users) {
        var licences = new HashMap<String, Licence>();
        users.forEach(user -> licences.put(user, Licence.DEFAULT));
        if (!users.isEmpty()) {
            em.createQuery("SELECT l FROM UserLicence l WHERE l.user IN :users", UserLicence.class)
                    .setParameter("users", users).getResultList()
                    .forEach(row -> licences.put(row.user(), row.licence()));
        }
        return licences;
    }

    /** Whether an administrator ever granted this user a licence. */
    public static boolean granted(EntityManager em, String user) {
        return em.find(UserLicence.class, user) != null;
    }

    public static void grant(EntityManager em, String user, Licence licence) {
        var row = em.find(UserLicence.class, user);
        if (row == null) {
            em.persist(new UserLicence(user, licence));
        } else {
            row.grant(licence);
        }
    }
}
