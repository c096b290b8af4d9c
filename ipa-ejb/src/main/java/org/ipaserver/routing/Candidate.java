package org.ipaserver.routing;

import java.util.Map;
import java.util.Objects;
import org.ipaserver.security.Licence;

/** A workgroup member as routing sees them at one moment. */
public record Candidate(String user, Presence presence, Licence licence, Map<String, Integer> skills,
                        int itemsInHand) {

    public Candidate {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(licence, "licence");
        skills = Map.copyOf(skills);
    }

    /** The level held in a skill, 0 when the skill is not held. */
    public int level(String skill) {
        return skills.getOrDefault(skill, 0);
    }
}
