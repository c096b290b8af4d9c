package org.ipaserver.action;

import java.util.Map;

/**
 * The answer of an external call: the exit path it takes, outputs by name (strings, converted to
 * the variables' types when mapped), and a message for the step history. Never a variable value
 * in the message.
 */
public record CallResult(String exit, Map<String, String> outputs, String message) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String TIMEOUT = "timeout";

    public CallResult {
        outputs = Map.copyOf(outputs);
    }

    public static CallResult failure(String message) {
        return new CallResult(FAILURE, Map.of(), message);
    }

    public static CallResult timeout(String message) {
        return new CallResult(TIMEOUT, Map.of(), message);
    }
}
