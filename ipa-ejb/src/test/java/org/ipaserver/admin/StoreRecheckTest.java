package org.ipaserver.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoreRecheckTest {

    private static final StoreStatus UNREACHABLE = new StoreStatus(false, StoreStatus.CANNOT_CONNECT, "refused");
    private static final StoreStatus NO_SCHEMA = new StoreStatus(false, StoreStatus.SCHEMA_UNUSABLE, "no schema");

    private final StoreRecheck recheck = new StoreRecheck(500, 10_000);

    @Test
    void aMissingSchemaIsCheckedAtEveryPoll() {
        recheck.checked(NO_SCHEMA, 1_000);
        assertTrue(recheck.due(1_000));
    }

    @Test
    void anUnreachableDatabaseIsTriedLessAndLessOftenUpToTheCeiling() {
        long now = 0;
        long previousDelay = 0;
        for (long expected : new long[] {500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000}) {
            recheck.checked(UNREACHABLE, now);
            assertFalse(recheck.due(now + expected - 1), "not before " + expected + " ms");
            assertTrue(recheck.due(now + expected), "due after " + expected + " ms (was " + previousDelay + ")");
            previousDelay = expected;
            now += expected;
        }
    }

    @Test
    void onceTheDatabaseAnswersTheBackOffStartsAgain() {
        for (int i = 0; i < 6; i++) {
            recheck.checked(UNREACHABLE, 0);
        }
        recheck.checked(NO_SCHEMA, 0);
        recheck.checked(UNREACHABLE, 0);
        assertFalse(recheck.due(499));
        assertTrue(recheck.due(500));
    }
}
