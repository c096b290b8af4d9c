package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoreClockTest {

    @Test
    void theTimeHasWholeMicrosecondsAsATimestampColumnKeepsThem() {
        for (int i = 0; i < 200; i++) {
            var before = Instant.now();
            var now = StoreClock.now();
            assertEquals(0, now.getNano() % 1_000, now::toString);
            assertTrue(!now.isBefore(before.minus(Duration.ofNanos(999))), () -> now + " is behind " + before);
            assertEquals(now.getNano(), new InstantConverter().convertToEntityAttribute(
                    new InstantConverter().convertToDatabaseColumn(now)).getNano());
        }
    }
}
