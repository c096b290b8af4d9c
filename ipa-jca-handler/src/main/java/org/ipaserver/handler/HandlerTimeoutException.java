package org.ipaserver.handler;

import java.time.Duration;

/** The handler did not answer in time; it has been asked to stop (interrupted). */
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
