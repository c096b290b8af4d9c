package org.ipaserver.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who gets a workgroup item, and why: every candidate assessed, those who qualify first in the
 * order they would be offered the item, then those who do not, with their reasons.
 */
public record RoutingDecision(Map<String, Integer> required, List<Assessment> candidates) {

    public RoutingDecision {
        required = Map.copyOf(required);
        candidates = List.copyOf(candidates);
    }

    /**
     * One candidate: the sum of their levels over the required skills (the score), their items in
     * hand, and why they do not qualify (empty when they do).
     */
    public record Assessment(String user, String presence, String licence, int score, int itemsInHand,
                             List<String> excludedBecause) {

        public Assessment {
            excludedBecause = List.copyOf(excludedBecause);
        }

        public boolean qualifies() {
            return excludedBecause.isEmpty();
        }
    }

    /** The member who gets the item; empty when nobody qualifies and the item waits in the queue. */
    public Optional<String> chosen() {
        return candidates.stream().filter(Assessment::qualifies).map(Assessment::user).findFirst();
    }
}
