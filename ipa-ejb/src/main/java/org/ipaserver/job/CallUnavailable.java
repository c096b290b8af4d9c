package org.ipaserver.job;

/**
 * The far side of a call cannot be reached for now (an SMTP server down): the call is made again
 * after a back-off instead of taking an exit. Its message names the cause, never a value.
 */
public class CallUnavailable extends RuntimeException {
    public CallUnavailable(String message) {
        super(message);
    }
}
