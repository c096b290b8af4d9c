package org.ipaserver.routing;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.ipaserver.security.Licences;

/** A workgroup's members as routing sees them now: presence, licence, skills, items in hand. */
final class Candidates {

    private Candidates() {
    }

    /** {@code itemsInHand}: user to the number of work items they hold; absent users hold none. */
    static List<Candidate> of(EntityManager em, Workgroup workgroup, Map<String, Integer> itemsInHand) {
        var members = workgroup.members();
        var presence = Presences.of(em, members);
        var licences = Licences.of(em, members);
        var skills = Skills.of(em, members);
        return members.stream().map(user -> new Candidate(user, presence.get(user), licences.get(user),
                skills.get(user), itemsInHand.getOrDefault(user, 0))).toList();
    }
}
