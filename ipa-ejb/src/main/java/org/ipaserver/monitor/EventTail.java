package org.ipaserver.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the journal's events on in number order, none skipped. Numbers are taken when a row is
 * inserted but become visible when its transaction commits, so a number may show up after a
 * higher one: an event read beyond a hole waits until the hole fills or for {@link #hold} after it
 * was first seen (then the missing numbers are taken as never committed: rolled back, or lost to
 * a sequence's cache). Not thread-safe: one hub thread reads the journal.
 */
public final class EventTail {

    private final Duration hold;
    private long position;
    /** When each event read beyond a hole was first seen. */
    private final Map<Long, Instant> firstSeen = new HashMap<>();

    /** @param position the last number already handed on (the journal's highest when watching began) */
    public EventTail(long position, Duration hold) {
        this.position = position;
        this.hold = hold;
    }

    /** The last number handed on: what follows comes after it. */
    public long position() {
        return position;
    }

    /**
     * @param read events after {@link #position()} as the journal has them now, in number order
     * @return those to hand on now, in order; the rest wait behind a hole
     */
    public List<StoredEvent> pass(List<StoredEvent> read, Instant now) {
        var passed = new ArrayList<StoredEvent>();
        for (var event : read) {
            if (event.seq() <= position) {
                continue;
            }
            if (event.seq() != position + 1) {
                var seen = firstSeen.computeIfAbsent(event.seq(), seq -> now);
                if (Duration.between(seen, now).compareTo(hold) < 0) {
                    // later events wait too: they are handed on in order
                    read.stream().filter(e -> e.seq() > event.seq()).forEach(e -> firstSeen.putIfAbsent(e.seq(), now));
                    break;
                }
            }
            passed.add(event);
            position = event.seq();
            firstSeen.remove(event.seq());
        }
        firstSeen.keySet().removeIf(seq -> seq <= position);
        return passed;
    }
}
