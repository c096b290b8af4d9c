package org.ipaserver.handler;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a handler, as the engine makes it.
 *
 * @param handlerName    the handler to run
 * @param inputs         unmodifiable, no null keys or values
 * @param timeout        how long to wait; {@link Duration#ZERO} waits without limit
 * @param callId         the engine's id of this call (the flow commits it before calling); may be null
 * @param idempotencyKey the same for every attempt of one logical call, so that a handler can
 *                       recognise a retry and not repeat a side effect; may be null
 */
public record HandlerRequest(String handlerName, Map<String, String> inputs, Duration timeout,
        String callId, String idempotencyKey) {

    public HandlerRequest {
        Objects.requireNonNull(handlerName, "handlerName");
        inputs = Map.copyOf(Objects.requireNonNull(inputs, "inputs"));
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("A handler timeout cannot be negative: " + timeout);
        }
    }

    /** A call without call id or idempotency key (what the older run methods make). */
    public static HandlerRequest of(String handlerName, Map<String, String> inputs, Duration timeout) {
        return new HandlerRequest(handlerName, inputs, timeout, null, null);
    }
}
