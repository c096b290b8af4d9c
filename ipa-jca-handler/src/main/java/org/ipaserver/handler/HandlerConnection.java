package org.ipaserver.handler;

import java.time.Duration;
import java.util.Map;

/** Runs handlers by name. Not shared between threads; close it when done. */
public interface HandlerConnection extends AutoCloseable {

    /**
     * Runs the named handler and waits for its result.
     *
     * @param inputs  no null keys or values; the handler gets an unmodifiable copy
     * @param timeout how long to wait; {@link Duration#ZERO} waits without limit
     * @throws UnknownHandlerException  when no handler has that name
     * @throws HandlerTimeoutException  when the handler has not answered within the timeout
     * @throws HandlerException         when the handler fails or cannot be started
     * @throws IllegalStateException    when the connection is closed
     */
    HandlerResult run(String handlerName, Map<String, String> inputs, Duration timeout);

    /**
     * Runs a handler with the call id and idempotency key the handler receives (worker handlers
     * in their request line, Java handlers through {@link org.ipaserver.handler.spi.Handler#run(HandlerRequest)}).
     * Implementations other than the connector's own may ignore the ids: the default drops them.
     *
     * @throws UnknownHandlerException  when no handler has that name
     * @throws HandlerTimeoutException  when the handler has not answered within the timeout
     * @throws HandlerException         when the handler fails, cannot be started or breaks its protocol
     * @throws IllegalStateException    when the connection is closed
     */
    default HandlerResult run(HandlerRequest request) {
        return run(request.handlerName(), request.inputs(), request.timeout());
    }

    /** Runs with the timeout configured on the connection factory (DefaultTimeoutSeconds). */
    HandlerResult run(String handlerName, Map<String, String> inputs);

    /** Hands the connection back; closing twice does nothing. */
    @Override
    void close();
}
