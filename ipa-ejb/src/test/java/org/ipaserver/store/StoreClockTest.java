package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StoreClockTest {

    @Test
    void theTimeHasWholeMicrosecondsAsATimestampColumnKeepsThem() {
        for (int i = 0; i < 200; i++) {
            var before = Instant.now();
            var now = StoreClock.now();
            assertEquals(0, now.getNano() % 1_000, now::toString);
            assertFalse(now.isBefore(before.minus(Duration.ofNanos(999))), () -> now + " is behind " + before);
            var converter = new InstantConverter();
            assertEquals(now, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(now)));
        }
    }

    @Test
    void itIsAClockLikeAnyOther() {
        var clock = StoreClock.utc();
        var before = System.currentTimeMillis();
        assertTrue(clock.millis() >= before, "millis() answers (Clock.tick's divides by zero under 1 ms)");
        assertEquals(ZoneId.of("Z"), clock.getZone());
        var berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
        assertEquals(ZoneId.of("Europe/Berlin"), berlin.getZone());
        assertEquals(0, berlin.instant().getNano() % 1_000);
    }
}
