package org.ipaserver.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ipaserver.routing.RoutingDecision.Assessment;

/**
 * Skills-based routing of a workgroup item. A member qualifies when they are available, their
 * licence receives workgroup items, and they hold every required skill at its level or above.
 * Of those, the item goes to the one who holds the required skills best (highest sum of their
 * levels in them), then to the one with the fewest items in hand, then by user name, so that the
 * same situation always gives the same answer whatever order the members come in.
 */
public final class Router {

    private static final Comparator<Assessment> OFFER_ORDER = Comparator
            .comparingInt(Assessment::score).reversed()
            .thenComparingInt(Assessment::itemsInHand)
            .thenComparing(Assessment::user);

    private Router() {
    }

    /** Decides for an item requiring {@code required} (skill to minimum level, each 1..100). */
    public static RoutingDecision decide(Map<String, Integer> required, Collection<Candidate> candidates) {
        var sortedRequired = new TreeMap<>(required); // reasons in a stable order
        var qualified = new ArrayList<Assessment>();
        var excluded = new ArrayList<Assessment>();
        for (var candidate : candidates) {
            var assessment = assess(sortedRequired, candidate);
            (assessment.qualifies() ? qualified : excluded).add(assessment);
        }
        qualified.sort(OFFER_ORDER);
        excluded.sort(Comparator.comparing(Assessment::user));
        qualified.addAll(excluded);
        return new RoutingDecision(required, qualified);
    }

    private static Assessment assess(Map<String, Integer> required, Candidate candidate) {
        var reasons = new ArrayList<String>();
        if (candidate.presence() != Presence.AVAILABLE) {
            reasons.add("presence is " + candidate.presence().code());
        }
        if (!candidate.licence().receivesWorkgroupItems()) {
            reasons.add("licence " + candidate.licence() + " does not receive workgroup items");
        }
        int score = 0;
        for (var need : required.entrySet()) {
            int held = candidate.level(need.getKey());
            if (held < need.getValue()) {
                reasons.add(held == 0 ? "lacks skill " + need.getKey()
                        : "skill " + need.getKey() + " at " + held + ", needs " + need.getValue());
            }
            score += held;
        }
        return new Assessment(candidate.user(), candidate.presence().code(), candidate.licence().name(), score,
                candidate.itemsInHand(), List.copyOf(reasons));
    }
}
