package org.ipaserver.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.security.Licence;
import org.ipaserver.security.Licences;
import org.ipaserver.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workgroups, skills, presence and licences in their tables (H2 here, PostgreSQL in a subclass). */
class RoutingStoreTest {

    private static final Instant NINE = Instant.parse("2026-05-01T09:00:00Z");
    private LocalStore store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    LocalStore newStore() {
        return LocalStore.h2InMemory();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aWorkgroupIsCreatedUpdatedAndDeletedWithItsMembers() {
        assertEquals(true, store.inTransaction(em -> Workgroups.save(em, "Underwriters", "loan reviews", List.of("ann", "bob"))));
        assertEquals(false, store.inTransaction(em -> Workgroups.save(em, "Underwriters", "reviews", null)), "an update");
        var kept = store.inTransaction(em -> Workgroups.find(em, "Underwriters").orElseThrow().view());
        assertEquals(new WorkgroupView("Underwriters", "reviews", List.of("ann", "bob")), kept, "members kept");

        store.run(em -> Workgroups.save(em, "Underwriters", "reviews", List.of("cid", "bob")));
        store.run(em -> Workgroups.find(em, "Underwriters").orElseThrow().addMember("dan"));
        assertEquals(List.of("bob", "cid", "dan"),
                store.inTransaction(em -> Workgroups.find(em, "Underwriters").orElseThrow().members()));
        assertEquals(true, store.inTransaction(em -> Workgroups.hasMember(em, "cid")));
        assertEquals(false, store.inTransaction(em -> Workgroups.hasMember(em, "ann")));

        store.run(em -> em.remove(Workgroups.find(em, "Underwriters").orElseThrow()));
        assertEquals(0, store.count("ipa_WorkgroupMembers"));
        assertEquals(Optional.empty(), store.inTransaction(em -> Workgroups.find(em, "Underwriters")));
    }

    @Test
    void skillsAreReplacedAsAWhole() {
        store.run(em -> Skills.replace(em, "ann", Map.of("Loans", 70, "Spanish", 40)));
        store.run(em -> Skills.replace(em, "ann", Map.of("Loans", 90, "French", 10)));
        store.run(em -> Skills.replace(em, "bob", Map.of("Loans", 5)));

        assertEquals(Map.of("Loans", 90, "French", 10), store.inTransaction(em -> Skills.of(em, "ann")));
        assertEquals(Map.of("ann", Map.of("Loans", 90, "French", 10), "bob", Map.of("Loans", 5), "cid", Map.of()),
                store.inTransaction(em -> Skills.of(em, List.of("ann", "bob", "cid"))));
        store.run(em -> Skills.replace(em, "ann", Map.of()));
        assertEquals(1, store.count("ipa_UserSkills"));
    }

    @Test
    void presenceIsAwayUntilSetAndKeepsWhenItBegan() {
        assertEquals(new PresenceView("ann", "away", null), store.inTransaction(em -> Presences.of(em, "ann")));
        store.run(em -> Presences.set(em, "ann", Presence.AVAILABLE, NINE));
        store.run(em -> Presences.set(em, "ann", Presence.AVAILABLE, NINE.plusSeconds(60)));
        assertEquals(new PresenceView("ann", "available", NINE), store.inTransaction(em -> Presences.of(em, "ann")));
        store.run(em -> Presences.set(em, "ann", Presence.DO_NOT_DISTURB, NINE.plusSeconds(120)));
        assertEquals(Map.of("ann", Presence.DO_NOT_DISTURB, "bob", Presence.AWAY),
                store.inTransaction(em -> Presences.of(em, List.of("ann", "bob"))));
    }

    @Test
    void licencesAreDirectRoutedUntilGranted() {
        assertEquals(Licence.DIRECT_ROUTED, store.inTransaction(em -> Licences.of(em, "ann")));
        assertEquals(false, store.inTransaction(em -> Licences.granted(em, "ann")));
        store.run(em -> Licences.grant(em, "ann", Licence.PROCESS_MONITOR));
        store.run(em -> Licences.grant(em, "ann", Licence.GROUP_ROUTED));
        assertEquals(Map.of("ann", Licence.GROUP_ROUTED, "bob", Licence.DIRECT_ROUTED),
                store.inTransaction(em -> Licences.of(em, List.of("ann", "bob"))));
    }

    @Test
    void candidatesComeFromEveryTableAndTheRouterPicksAmongThem() {
        store.run(em -> {
            Workgroups.save(em, "Underwriters", null, List.of("ann", "bob", "cid", "dan"));
            for (var user : List.of("ann", "bob", "cid")) {
                Presences.set(em, user, Presence.AVAILABLE, NINE);
                Licences.grant(em, user, Licence.GROUP_ROUTED);
            }
            Skills.replace(em, "ann", Map.of("Loans", 60));
            Skills.replace(em, "bob", Map.of("Loans", 60));
            Skills.replace(em, "cid", Map.of("Loans", 40));
            Skills.replace(em, "dan", Map.of("Loans", 100));
        });

        var candidates = store.inTransaction(em -> Candidates.of(em,
                Workgroups.find(em, "Underwriters").orElseThrow(), Map.of("ann", 2)));

        assertEquals(new Candidate("ann", Presence.AVAILABLE, Licence.GROUP_ROUTED, Map.of("Loans", 60), 2),
                candidates.get(0));
        assertEquals(new Candidate("dan", Presence.AWAY, Licence.DIRECT_ROUTED, Map.of("Loans", 100), 0),
                candidates.get(3));
        assertEquals(Optional.of("bob"), Router.decide(Map.of("Loans", 50), candidates).chosen());
        assertNull(Router.decide(Map.of("Loans", 70), candidates).chosen().orElse(null));
    }
}
