package org.ipaserver.routing;

import static org.ipaserver.routing.Presence.AVAILABLE;
import static org.ipaserver.routing.Presence.AWAY;
import static org.ipaserver.routing.Presence.DO_NOT_DISTURB;
import static org.ipaserver.security.Licence.DIRECT_ROUTED;
import static org.ipaserver.security.Licence.GROUP_ROUTED;
import static org.ipaserver.security.Licence.PROCESS_DESIGNER;
import static org.ipaserver.security.Licence.PROCESS_MONITOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ipaserver.security.Licence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The routing decision as a table: required skills, the members, who gets the item. */
class RouterTest {

    /** {@code "Spanish=50 Loans=70"} as a map (in that order); "" for none. */
    private static Map<String, Integer> skills(String spec) {
        var map = new LinkedHashMap<String, Integer>();
        for (var entry : spec.trim().split("\\s+")) {
            if (!entry.isEmpty()) {
                var parts = entry.split("=");
                map.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return map;
    }

    private static Candidate member(String user, Presence presence, Licence licence, int items, String skills) {
        return new Candidate(user, presence, licence, skills(skills), items);
    }

    private static Candidate ready(String user, int items, String skills) {
        return member(user, AVAILABLE, GROUP_ROUTED, items, skills);
    }

    private static Arguments row(String rule, String required, String expected, Candidate... members) {
        return Arguments.of(rule, skills(required), List.of(members), expected);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("no members: the item waits", "Loans=10", null),
                row("only available members", "", "bob",
                        member("ann", AWAY, GROUP_ROUTED, 0, ""), ready("bob", 5, "")),
                row("do-not-disturb is not available", "", "bob",
                        member("ann", DO_NOT_DISTURB, GROUP_ROUTED, 0, ""), ready("bob", 5, "")),
                row("nobody available: the item waits", "", null,
                        member("ann", AWAY, GROUP_ROUTED, 0, ""), member("bob", DO_NOT_DISTURB, PROCESS_DESIGNER, 0, "")),
                row("a Direct Routed licence never gets a workgroup item", "Loans=10", "bob",
                        member("ann", AVAILABLE, DIRECT_ROUTED, 0, "Loans=100"), member("bob", AVAILABLE, GROUP_ROUTED, 3, "Loans=10")),
                row("Process Monitor includes Group Routed", "Loans=10", "ann",
                        member("ann", AVAILABLE, PROCESS_MONITOR, 0, "Loans=90"), member("bob", AVAILABLE, GROUP_ROUTED, 0, "Loans=10")),
                row("Process Designer includes Group Routed", "Loans=10", "ann",
                        member("ann", AVAILABLE, PROCESS_DESIGNER, 0, "Loans=90"), member("bob", AVAILABLE, GROUP_ROUTED, 0, "Loans=10")),
                row("only Direct Routed members: the item waits", "", null,
                        member("ann", AVAILABLE, DIRECT_ROUTED, 0, "")),
                row("a missing required skill excludes", "Loans=10 Spanish=10", "bob",
                        ready("ann", 0, "Loans=100"), ready("bob", 9, "Loans=10 Spanish=10")),
                row("a skill below its level excludes", "Loans=50", "bob",
                        ready("ann", 0, "Loans=49"), ready("bob", 9, "Loans=60")),
                row("a skill exactly at its level qualifies", "Loans=50", "ann",
                        ready("ann", 0, "Loans=50")),
                row("nobody skilled enough: the item waits", "Loans=80", null,
                        ready("ann", 0, "Loans=79"), ready("bob", 0, "Spanish=100")),
                row("the best sum of required levels wins over fewer items", "Loans=50 Spanish=50", "bob",
                        ready("ann", 0, "Loans=60 Spanish=60"), ready("bob", 7, "Loans=100 Spanish=50")),
                row("skills not required do not count", "Loans=50", "ann",
                        ready("ann", 3, "Loans=70"), ready("bob", 0, "Loans=60 Spanish=100 French=100")),
                row("equal sums: the fewest items in hand", "Loans=50 Spanish=50", "bob",
                        ready("ann", 2, "Loans=80 Spanish=60"), ready("bob", 1, "Loans=60 Spanish=80")),
                row("equal sums and items: by user name", "Loans=50", "ann",
                        ready("bob", 1, "Loans=70"), ready("ann", 1, "Loans=70"), ready("cid", 1, "Loans=70")),
                row("no skills required: fewest items", "", "cid",
                        ready("ann", 2, "Loans=100"), ready("bob", 1, ""), ready("cid", 0, "")),
                row("no skills required, equal items: by user name", "", "ann",
                        ready("bob", 0, ""), ready("ann", 0, "Loans=5")),
                row("every rule at once", "Loans=50", "dan",
                        member("ann", AWAY, PROCESS_DESIGNER, 0, "Loans=100"),
                        member("bob", AVAILABLE, DIRECT_ROUTED, 0, "Loans=100"),
                        ready("cid", 0, "Loans=40"),
                        ready("dan", 4, "Loans=90"),
                        ready("eve", 0, "Loans=80")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String rule, Map<String, Integer> required, List<Candidate> members, String expected) {
        assertEquals(Optional.ofNullable(expected), Router.decide(required, members).chosen(), rule);
    }

    @ParameterizedTest(name = "{0}, members in any order")
    @MethodSource("table")
    void theOrderOfMembersDoesNotMatter(String rule, Map<String, Integer> required, List<Candidate> members,
                                        String expected) {
        for (int shift = 1; shift < members.size(); shift++) {
            var rotated = new ArrayList<>(members);
            Collections.rotate(rotated, shift);
            assertEquals(Optional.ofNullable(expected), Router.decide(required, rotated).chosen(), rule);
            Collections.reverse(rotated);
            assertEquals(Optional.ofNullable(expected), Router.decide(required, rotated).chosen(), rule);
        }
    }

    @Test
    void theDecisionListsQualifiedMembersInOfferOrderThenTheOthersWithTheirReasons() {
        var decision = Router.decide(skills("Loans=50 Spanish=20"), List.of(
                member("zoe", AWAY, DIRECT_ROUTED, 0, "Loans=10"),
                ready("bob", 1, "Loans=60 Spanish=20"),
                ready("ann", 0, "Loans=60 Spanish=20 French=99"),
                ready("cid", 5, "Loans=90 Spanish=90"),
                ready("dan", 0, "Spanish=100")));

        assertEquals(List.of("cid", "ann", "bob", "dan", "zoe"),
                decision.candidates().stream().map(RoutingDecision.Assessment::user).toList());
        assertEquals(List.of(180, 80, 80, 100, 10),
                decision.candidates().stream().map(RoutingDecision.Assessment::score).toList());
        assertEquals(List.of("lacks skill Loans"), decision.candidates().get(3).excludedBecause());
        assertEquals(List.of("presence is away", "licence DIRECT_ROUTED does not receive workgroup items",
                "skill Loans at 10, needs 50", "lacks skill Spanish"), decision.candidates().get(4).excludedBecause());
    }
}
