package org.ipaserver.handler;

import java.time.Duration;

/** The handler did not answer in time: a Java handler has been interrupted, a worker process killed. */
public class HandlerTimeoutException extends HandlerException {

    private final String handlerName;
    private final Duration timeout;

    public HandlerTimeoutException(String handlerName, Duration timeout) {
        super("Handler '" + handlerName + "' did not answer within " + timeout.toMillis() + " ms");
        this.handlerName = handlerName;
        this.timeout = timeout;
    }

    public String handlerName() {
        return handlerName;
    }

    public Duration timeout() {
        return timeout;
    }
}
