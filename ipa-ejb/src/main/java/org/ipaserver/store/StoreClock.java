package org.ipaserver.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The server's time in whole microseconds, which is what a TIMESTAMP column keeps (H2, PostgreSQL;
 * SQL Server's datetime2 keeps more). The JVM's clock has nanoseconds here: an answer made from the
 * entity just written showed them, and every later read showed the value the database had rounded,
 * so one flow had two start times.
 */
public final class StoreClock {

    private static final Clock UTC = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private StoreClock() {
    }

    /** For the engine, which takes its clock as a parameter (tests give it their own). */
    public static Clock utc() {
        return UTC;
    }

    public static Instant now() {
        return UTC.instant();
    }
}
