package org.ipaserver.flow;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for flows. {@link UUID#randomUUID()} draws from one synchronized
 * SecureRandom, which concurrent launches queue on; flow ids need uniqueness, not secrecy
 * (every read of a flow checks the caller's rights).
 */
public final class FlowIds {

    private FlowIds() {
    }

    public static String next() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
