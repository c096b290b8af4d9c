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

    /** Runs with the timeout configured on the connection factory (DefaultTimeoutSeconds). */
    HandlerResult run(String handlerName, Map<String, String> inputs);

    /** Hands the connection back; closing twice does nothing. */
    @Override
    void close();
}
