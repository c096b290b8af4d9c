package org.ipaserver.admission;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Admission of launches on one instance: at most {@code permits} run at once, the others wait in
 * arrival order. How long the first of them has waited tells the instance's load: waiting at all
 * is busy, waiting longer than {@code overloadedAfter} is overloaded. When overloaded, a launch is
 * refused at once ({@link WhenOverloaded#REFUSE}), or waits its turn up to {@code maxWait}
 * ({@link WhenOverloaded#QUEUE}) and is refused after that; a full queue refuses too. A refused
 * launch has written nothing, so nothing acknowledged is ever dropped.
 */
public final class AdmissionGate {

    /** The instance's load, as its REST answer and its health tell it. */
    public enum Load {
        /** Nothing launched for a while and nothing running. */
        IDLE,
        /** Launches run, none waits. */
        NORMAL,
        /** Every permit is taken or launches wait, though not long. */
        BUSY,
        /** A launch has waited longer than it should: new ones are refused (or queued, as configured). */
        OVERLOADED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum WhenOverloaded { REFUSE, QUEUE }

    /** How the gate admits; see the class comment. */
    public record Settings(int permits, Duration overloadedAfter, WhenOverloaded whenOverloaded, Duration maxWait,
                           int maxQueue) {

        public Settings {
            if (permits < 1 || maxQueue < 0 || overloadedAfter.isNegative() || maxWait.isNegative()) {
                throw new IllegalArgumentException("permits must be at least 1, the queue and times not negative");
            }
        }
    }

    /** A launch refused for the instance's load; {@code retryAfterSeconds} says when to try again. */
    public static final class Overloaded extends RuntimeException {
        private final int retryAfterSeconds;

        public Overloaded(String message, int retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** One waiting launch (compared by identity). */
    private static final class Waiter {
        final long arrivedAt;

        Waiter(long arrivedAt) {
            this.arrivedAt = arrivedAt;
        }
    }

    private static final long IDLE_AFTER_NANOS = Duration.ofSeconds(10).toNanos();

    private final Settings settings;
    private final LongSupplier nanoTime;
    /** The waiting launches, first come first. */
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int running;
    private long admitted;
    private long refused;
    private long lastArrival;
    /** Until when (nanoTime) the gate counts as overloaded after a launch waited out its limit. */
    private long overloadedUntil;
    private boolean overloadedSet;

    public AdmissionGate(Settings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.lastArrival = nanoTime.getAsLong() - IDLE_AFTER_NANOS;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Waits for a permit as the settings say; the caller must {@link #release()} it once the launch
     * has answered. Throws {@link Overloaded} when refused.
     */
    public synchronized void admit() throws InterruptedException {
        long now = nanoTime.getAsLong();
        lastArrival = now;
        if (waiting.isEmpty() && running < settings.permits()) {
            running++;
            admitted++;
            return;
        }
        if (settings.whenOverloaded() == WhenOverloaded.REFUSE && load(now) == Load.OVERLOADED) {
            throw refuse(false, "the server is overloaded (launches waited " + settings.overloadedAfter().toMillis()
                    + " ms or longer for one of its " + settings.permits() + " launch slots)");
        }
        if (waiting.size() >= settings.maxQueue()) {
            throw refuse(false, "the server is overloaded (its queue of " + settings.maxQueue() + " waiting launches "
                    + "is full)");
        }
        var me = new Waiter(now);
        long limit = (settings.whenOverloaded() == WhenOverloaded.REFUSE ? settings.overloadedAfter()
                : settings.maxWait()).toNanos();
        try {
            waiting.addLast(me);
            while (waiting.peekFirst() != me || running >= settings.permits()) {
                long left = limit - (nanoTime.getAsLong() - now);
                if (left <= 0) {
                    throw refuse(true, "the server is overloaded (this launch waited "
                            + Duration.ofNanos(limit).toMillis() + " ms for one of its " + settings.permits()
                            + " launch slots)");
                }
                wait(Math.max(1, left / 1_000_000), (int) Math.min(999_999, left % 1_000_000));
            }
            running++;
            admitted++;
        } finally {
            waiting.remove(me);
            notifyAll(); // the next in line may go now, or look at its own time
        }
    }

    public synchronized void release() {
        running--;
        notifyAll();
    }

    /**
     * A refusal; one that waited its whole limit keeps the gate overloaded for a second (at least
     * {@code overloadedAfter}), so that those behind it are refused at once instead of each
     * waiting in turn. A refusal at once does not extend it: the state ends once launches move.
     */
    private Overloaded refuse(boolean waitedOut, String message) {
        refused++;
        if (waitedOut) {
            overloadedUntil = nanoTime.getAsLong() + Math.max(settings.overloadedAfter().toNanos(), 1_000_000_000L);
            overloadedSet = true;
        }
        // about the time a queue takes to move on: twice the wait that counts as overloaded, or the longest wait
        var backlog = settings.whenOverloaded() == WhenOverloaded.REFUSE ? settings.overloadedAfter().multipliedBy(2)
                : settings.maxWait();
        var retry = (int) Math.max(1, Math.min(30, (backlog.toMillis() + 999) / 1000));
        return new Overloaded(message + "; nothing was launched: try again in " + retry + " s", retry);
    }

    public synchronized Load load() {
        return load(nanoTime.getAsLong());
    }

    private Load load(long now) {
        var first = waiting.peekFirst();
        if (overloadedSet && overloadedUntil - now > 0
                || first != null && now - first.arrivedAt >= settings.overloadedAfter().toNanos()) {
            return Load.OVERLOADED;
        }
        if (first != null || running >= settings.permits()) {
            return Load.BUSY;
        }
        return running > 0 || now - lastArrival < IDLE_AFTER_NANOS ? Load.NORMAL : Load.IDLE;
    }

    /** What the gate holds now, and what it did since it started. */
    public synchronized InstanceLoad snapshot() {
        long now = nanoTime.getAsLong();
        var first = waiting.peekFirst();
        return new InstanceLoad(load(now).code(), settings.permits(), running, waiting.size(),
                first == null ? 0 : Duration.ofNanos(now - first.arrivedAt).toMillis(), admitted, refused,
                settings.whenOverloaded().name().toLowerCase(Locale.ROOT));
    }
}
