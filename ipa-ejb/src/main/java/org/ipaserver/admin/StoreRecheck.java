package org.ipaserver.admin;

/**
 * When to check an unusable flow store again. A missing or old schema costs one query: at every
 * poll, so that the server comes up as soon as the DBA has run the script. A database that cannot
 * be reached is tried less and less often, up to a ceiling: each attempt puts the pool's warnings
 * in the server log, and a database that is down stays down for a while.
 */
final class StoreRecheck {

    private final long pollMillis;
    private final long maxMillis;
    private long delayMillis;
    private long dueAt;

    StoreRecheck(long pollMillis, long maxMillis) {
        this.pollMillis = pollMillis;
        this.maxMillis = maxMillis;
    }

    boolean due(long nowMillis) {
        return nowMillis >= dueAt;
    }

    /** Records the outcome of a check made at {@code nowMillis}. */
    void checked(StoreStatus status, long nowMillis) {
        if (status.eventId() == StoreStatus.CANNOT_CONNECT) {
            delayMillis = Math.min(maxMillis, Math.max(pollMillis, 2 * delayMillis));
        } else {
            delayMillis = 0;
        }
        dueAt = nowMillis + delayMillis;
    }
}
