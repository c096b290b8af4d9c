package org.ipaserver.handler;

/**
 * A handler could not be run or did not finish normally. Unchecked, because the caller (the
 * RunHandler action) turns every kind into the same flow error and needs no try/catch per call.
 */
public class HandlerException extends RuntimeException {

    public HandlerException(String message) {
        super(message);
    }

    public HandlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
