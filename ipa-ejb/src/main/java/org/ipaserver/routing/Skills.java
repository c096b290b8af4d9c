package org.ipaserver.routing;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The skills users hold, skill name to level, in {@code ipa_UserSkills}. */
final class Skills {

    private Skills() {
    }

    static Map<String, Integer> of(EntityManager em, String user) {
        var skills = new TreeMap<String, Integer>();
        rows(em, user).forEach(row -> skills.put(row.skill(), row.level()));
        return skills;
    }

    /** The skills of each of these users (empty for those without any). */
    static Map<String, Map<String, Integer>> of(EntityManager em, Collection<String> users) {
        var skills = new HashMap<String, Map<String, Integer>>();
        users.forEach(user -> skills.put(user, new TreeMap<>()));
        if (!users.isEmpty()) {
            em.createQuery("SELECT s FROM UserSkill s WHERE s.user IN :users", UserSkill.class)
                    .setParameter("users", users).getResultList()
                    .forEach(row -> skills.get(row.user()).put(row.skill(), row.level()));
        }
        return skills;
    }

    /**
     * Makes the user's skills exactly these. Rows are updated in place rather than deleted and
     * inserted again: within one flush the provider may insert before it deletes, and a skill
     * kept would collide with its own old row.
     */
    static void replace(EntityManager em, String user, Map<String, Integer> levels) {
        var held = new HashSet<String>();
        for (var row : rows(em, user)) {
            held.add(row.skill());
            var level = levels.get(row.skill());
            if (level == null) {
                em.remove(row);
            } else {
                row.level(level);
            }
        }
        levels.forEach((skill, level) -> {
            if (!held.contains(skill)) {
                em.persist(new UserSkill(user, skill, level));
            }
        });
    }

    private static List<UserSkill> rows(EntityManager em, String user) {
        return em.createQuery("SELECT s FROM UserSkill s WHERE s.user = :user", UserSkill.class)
                .setParameter("user", user).getResultList();
    }
}
