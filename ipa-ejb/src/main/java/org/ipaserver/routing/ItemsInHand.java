package org.ipaserver.routing;

import jakarta.persistence.EntityManager;
import java.util.Map;

/**
 * How many open work items each user holds, as routing weighs them. The work-item feature answers
 * it (routing knows nothing of work items), so the routing question and real routing count alike.
 */
public interface ItemsInHand {

    /** Each of these users to the number of open work items they hold; users who hold none are absent. */
    Map<String, Integer> byUser(EntityManager em, java.util.Collection<String> users);
}
