package org.ipaserver.workitem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;
import org.ipaserver.routing.ItemsInHand;

/** The items in hand routing's question counts: the same count {@link WorkItemRouter} routes by. */
@ApplicationScoped
public class WorkItemsInHand implements ItemsInHand {

    @Override
    public Map<String, Integer> byUser(EntityManager em, Collection<String> users) {
        return WorkItemRouter.ITEMS_IN_HAND.byUser(em, users);
    }
}
