package org.ipaserver.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;

/**
 * What a set of skill levels must look like, for a user's skills and for an item's requirements
 * alike: named skills (at most 64 characters, the column's size) at levels from 1 to 100.
 */
public final class SkillLevels {

    public static final int MIN = 1;
    public static final int MAX = 100;
    public static final int MAX_NAME_LENGTH = 64;

    private SkillLevels() {
    }

    /** Every bad entry, each named {@code fieldPrefix + skill}; empty when all are fine. */
    public static List<FieldError> problems(String fieldPrefix, Map<String, Integer> levels) {
        var errors = new ArrayList<FieldError>();
        levels.forEach((skill, level) -> {
            var field = fieldPrefix + skill;
            if (skill == null || skill.isBlank() || skill.length() > MAX_NAME_LENGTH) {
                errors.add(new FieldError(field, "a skill name must have 1 to " + MAX_NAME_LENGTH + " characters"));
            } else if (level == null || level < MIN || level > MAX) {
                errors.add(new FieldError(field, "the level must be a whole number from " + MIN + " to " + MAX));
            }
        });
        return errors;
    }
}
