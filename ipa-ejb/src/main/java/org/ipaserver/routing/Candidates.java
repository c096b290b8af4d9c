package org.ipaserver.routing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ipaserver.security.Licence;
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

    /**
     * A workgroup's members with their presence, licence and skills, read in one query (a member
     * row per skill), items in hand not counted: {@link WorkgroupRouting#offer} counts them only
     * for the members it has to choose between. Empty for a workgroup without members or unknown.
     * The query leaves pending changes unflushed (a flow's row being launched is no routing data);
     * who changes routing data in a transaction and then routes flushes first.
     */
    static List<Candidate> of(EntityManager em, String workgroup) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.user_name, p.presence, l.licence, s.skill, s.skill_level"
                        + " FROM ipa_WorkgroupMembers m"
                        + " LEFT JOIN ipa_UserPresence p ON p.user_name = m.user_name"
                        + " LEFT JOIN ipa_UserLicences l ON l.user_name = m.user_name"
                        + " LEFT JOIN ipa_UserSkills s ON s.user_name = m.user_name"
                        + " WHERE m.workgroup_name = ?1")
                .setParameter(1, workgroup).setFlushMode(FlushModeType.COMMIT).getResultList();
        var members = new TreeMap<String, Candidate>();
        var skills = new HashMap<String, Map<String, Integer>>();
        for (var row : rows) {
            var user = (String) row[0];
            members.computeIfAbsent(user, u -> new Candidate(u,
                    row[1] == null ? Presence.DEFAULT : Presence.byCode((String) row[1]).orElse(Presence.DEFAULT),
                    row[2] == null ? Licence.DEFAULT : Licence.valueOf((String) row[2]), Map.of(), 0));
            var held = skills.computeIfAbsent(user, u -> new TreeMap<>());
            if (row[3] != null) {
                held.put((String) row[3], ((Number) row[4]).intValue());
            }
        }
        return members.values().stream().map(c -> new Candidate(c.user(), c.presence(), c.licence(),
                skills.get(c.user()), 0)).toList();
    }
}
