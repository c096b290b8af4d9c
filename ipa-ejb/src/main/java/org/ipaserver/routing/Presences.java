package org.ipaserver.routing;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Users' presence in {@code ipa_UserPresence}; a user without a row is {@link Presence#DEFAULT}. */
final class Presences {

    private Presences() {
    }

    static PresenceView of(EntityManager em, String user) {
        var row = em.find(UserPresence.class, user);
        return row == null ? new PresenceView(user, Presence.DEFAULT.code(), null) : row.view();
    }

    /** The presence of each of these users. */
    static Map<String, Presence> of(EntityManager em, Collection<String> users) {
        var presence = new HashMap<String, Presence>();
        users.forEach(user -> presence.put(user, Presence.DEFAULT));
        if (!users.isEmpty()) {
            em.createQuery("SELECT p FROM UserPresence p WHERE p.user IN :users", UserPresence.class)
                    .setParameter("users", users).getResultList()
                    .forEach(row -> presence.put(row.user(), row.presence()));
        }
        return presence;
    }

    static boolean recorded(EntityManager em, String user) {
        return em.find(UserPresence.class, user) != null;
    }

    static PresenceView set(EntityManager em, String user, Presence presence, Instant now) {
        var row = em.find(UserPresence.class, user);
        if (row == null) {
            row = new UserPresence(user, presence, now);
            em.persist(row);
        } else {
            row.change(presence, now);
        }
        return row.view();
    }
}
