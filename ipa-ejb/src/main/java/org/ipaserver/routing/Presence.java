package org.ipaserver.routing;

import java.util.Arrays;
import java.util.Optional;

/** Whether a user takes work now; only {@link #AVAILABLE} users are offered workgroup items. */
public enum Presence {
    AVAILABLE("available"),
    AWAY("away"),
    DO_NOT_DISTURB("do-not-disturb");

    /**
     * A user who never said otherwise: away, because nobody has told us they sit at a client
     * ready for work, and an item offered to an absent user would wait on them instead of the queue.
     */
    public static final Presence DEFAULT = AWAY;

    private final String code;

    Presence(String code) {
        this.code = code;
    }

    /** What the API and the database carry. */
    public String code() {
        return code;
    }

    public static Optional<Presence> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
