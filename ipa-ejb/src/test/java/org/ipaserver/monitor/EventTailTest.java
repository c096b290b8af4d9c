package org.ipaserver.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tail hands events on in number order and skips none that commit within the hold. */
class EventTailTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration HOLD = Duration.ofMillis(1500);

    @Test
    void eventsWithoutHolesPassAtOnceAndOnce() {
        var tail = new EventTail(10, HOLD);

        assertEquals(List.of(11L, 12L, 13L), seqs(tail.pass(events(11, 12, 13), T0)));
        assertEquals(List.of(14L), seqs(tail.pass(events(12, 13, 14), T0)), "what was handed on is not again");
        assertEquals(14, tail.position());
    }

    @Test
    void anEventBeyondAHoleWaitsForTheHoleToFill() {
        var tail = new EventTail(0, HOLD);

        assertEquals(List.of(1L), seqs(tail.pass(events(1, 3, 4), T0)), "2 is a transaction not yet committed");
        assertEquals(List.of(), seqs(tail.pass(events(3, 4), T0.plusMillis(1000))));
        assertEquals(List.of(2L, 3L, 4L), seqs(tail.pass(events(2, 3, 4), T0.plusMillis(1200))),
                "2 committed within the hold: nothing skipped, nothing out of order");
    }

    @Test
    void aHoleThatNeverFillsIsPassedAfterTheHold() {
        var tail = new EventTail(0, HOLD);

        assertEquals(List.of(), seqs(tail.pass(events(2, 3), T0)));
        assertEquals(List.of(), seqs(tail.pass(events(2, 3), T0.plusMillis(1499))));
        assertEquals(List.of(2L, 3L), seqs(tail.pass(events(2, 3, 5), T0.plusMillis(1500))),
                "1 was rolled back; 5 arrived later and waits for 4 in its turn");
        assertEquals(List.of(), seqs(tail.pass(events(5), T0.plusMillis(2000))));
        assertEquals(List.of(4L, 5L), seqs(tail.pass(events(4, 5), T0.plusMillis(2100))));
    }

    @Test
    void theHoldCountsFromWhenAnEventWasFirstSeen() {
        var tail = new EventTail(0, HOLD);

        tail.pass(events(2), T0);
        assertEquals(List.of(), seqs(tail.pass(events(2, 4), T0.plusMillis(1000))));
        assertEquals(List.of(2L), seqs(tail.pass(events(2, 4), T0.plusMillis(1600))),
                "2 waited its hold; 4, first seen at +1000 ms, still waits for 3");
        assertEquals(List.of(4L), seqs(tail.pass(events(4), T0.plusMillis(2500))));
    }

    private static List<StoredEvent> events(long... seqs) {
        return Arrays.stream(seqs).mapToObj(seq -> new StoredEvent(seq, "f" + seq, "P", 1, "launched", T0, "{}"))
                .toList();
    }

    private static List<Long> seqs(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::seq).toList();
    }
}
