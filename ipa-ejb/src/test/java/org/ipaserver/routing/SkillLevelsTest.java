package org.ipaserver.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.security.Licence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Skill levels 1..100 with named skills; presence and licence names as the API takes them. */
class SkillLevelsTest {

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "Loans, 1, true", "Loans, 100, true", "Loans, 0, false", "Loans, 101, false", "Loans, -5, false",
            "Loans, null, false", "' ', 50, false",
            "a234567890123456789012345678901234567890123456789012345678901234, 50, true",
            "a2345678901234567890123456789012345678901234567890123456789012345, 50, false"})
    void levelsAndNames(String skill, Integer level, boolean valid) {
        var levels = new HashMap<String, Integer>();
        levels.put(skill, level);
        assertEquals(valid, SkillLevels.problems("skill.", levels).isEmpty());
    }

    @Test
    void everyBadEntryIsNamedWithItsPrefix() {
        var problems = SkillLevels.problems("skill.", Map.of("Loans", 0, "Spanish", 50));
        assertEquals(List.of(new FieldError("skill.Loans", "the level must be a whole number from 1 to 100")),
                problems);
    }

    @ParameterizedTest
    @CsvSource({"available, AVAILABLE", "away, AWAY", "do-not-disturb, DO_NOT_DISTURB"})
    void presenceCodes(String code, Presence presence) {
        assertEquals(presence, Presence.byCode(code).orElseThrow());
        assertEquals(code, presence.code());
    }

    @Test
    void unknownPresenceAndLicenceNamesAreNotGuessed() {
        assertEquals(java.util.Optional.empty(), Presence.byCode("Available"));
        assertEquals(java.util.Optional.empty(), Presence.byCode("busy"));
        assertEquals(java.util.Optional.empty(), Licence.byName("group_routed"));
        assertEquals(Licence.GROUP_ROUTED, Licence.byName("GROUP_ROUTED").orElseThrow());
    }

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource({
            "DIRECT_ROUTED, DIRECT_ROUTED, true", "DIRECT_ROUTED, GROUP_ROUTED, false",
            "GROUP_ROUTED, DIRECT_ROUTED, true", "GROUP_ROUTED, PROCESS_MONITOR, false",
            "PROCESS_MONITOR, GROUP_ROUTED, true", "PROCESS_MONITOR, PROCESS_DESIGNER, false",
            "PROCESS_DESIGNER, DIRECT_ROUTED, true", "PROCESS_DESIGNER, PROCESS_MONITOR, true"})
    void licencesAreCumulative(Licence held, Licence needed, boolean included) {
        assertEquals(included, held.includes(needed));
    }
}
