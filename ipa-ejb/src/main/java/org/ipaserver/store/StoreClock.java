package org.ipaserver.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The server's time in whole microseconds, which is what a TIMESTAMP column keeps (H2, PostgreSQL;
 * SQL Server's datetime2 keeps more). The JVM's clock has nanoseconds here: an answer made from the
 * entity just written showed them, and every later read showed the value the database had rounded,
 * so one flow had two start times. (Not {@code Clock.tick}: on Java 17 its millis() divides by zero
 * for a tick under a millisecond.)
 */
public final class StoreClock extends Clock {

    private static final StoreClock UTC = new StoreClock(ZoneOffset.UTC);

    private final ZoneId zone;

    private StoreClock(ZoneId zone) {
        this.zone = zone;
    }

    /** For the engine, which takes its clock as a parameter (tests give it their own). */
    public static Clock utc() {
        return UTC;
    }

    public static Instant now() {
        return UTC.instant();
    }

    @Override
    public Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new StoreClock(other);
    }
}
