package org.ipaserver.workitem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.ipaserver.routing.Presence;
import org.ipaserver.routing.PresenceChanged;

/** Someone became available: their workgroups' queues offer them what routing now gives them. */
@ApplicationScoped
public class QueueOffers {

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Inject
    WorkItemRouter router;

    void onPresence(@Observes PresenceChanged change) {
        if (change.presence() == Presence.AVAILABLE) {
            router.offerQueued(em, change.user());
        }
    }
}
