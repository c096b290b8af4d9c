package org.ipaserver.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.admin.InvalidServerParameterException;
import org.junit.jupiter.api.Test;

class LaunchAdmissionTest {

    private static AdmissionGate.Settings settings(Map<String, String> values) {
        return LaunchAdmission.settings(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void defaultsAndValuesAsConfigured() {
        var defaults = settings(Map.of());
        assertEquals(4 * Runtime.getRuntime().availableProcessors(), defaults.permits());
        assertEquals(AdmissionGate.WhenOverloaded.REFUSE, defaults.whenOverloaded());
        assertEquals(Duration.ofSeconds(1), defaults.overloadedAfter());
        assertEquals(Math.max(0, 64 - 8 - defaults.permits()), defaults.maxQueue(), "what the HTTP threads leave");
        var set = settings(Map.of("ipa.admission.permits", " 3 ", "ipa.admission.whenOverloaded", "Queue",
                "ipa.admission.maxWaitMillis", "2500", "ipa.admission.maxQueue", "0"));
        assertEquals(new AdmissionGate.Settings(3, Duration.ofSeconds(1), AdmissionGate.WhenOverloaded.QUEUE,
                Duration.ofMillis(2500), 0), set);
    }

    @Test
    void everyBadValueIsNamed() {
        var bad = assertThrows(InvalidServerParameterException.class, () -> settings(Map.of(
                "ipa.admission.permits", "0", "ipa.admission.whenOverloaded", "drop",
                "ipa.admission.overloadedAfterMillis", "soon")));
        assertEquals(List.of("ipa.admission.permits = '0' must be a whole number from 1",
                "ipa.admission.overloadedAfterMillis = 'soon' must be a whole number from 0",
                "ipa.admission.whenOverloaded = 'drop' must be refuse or queue"), bad.problems());
    }
}
