package org.ipaserver.handler;

import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers: its outputs and the exit path the RunHandler action continues on.
 *
 * @param outputs  unmodifiable, no null keys or values
 * @param exitPath the name of the exit path, e.g. {@value #SUCCESS} or {@value #FAILURE}
 * @param message  what the handler says about the outcome (e.g. why it failed); empty if nothing.
 *                 The handler wrote it: it may contain values, so it is not for logs.
 */
public record HandlerResult(Map<String, String> outputs, String exitPath, String message) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public HandlerResult {
        outputs = Map.copyOf(Objects.requireNonNull(outputs, "outputs"));
        Objects.requireNonNull(exitPath, "exitPath");
        if (exitPath.isBlank()) {
            throw new IllegalArgumentException("A handler result needs an exit path name");
        }
        message = message == null ? "" : message;
    }

    public HandlerResult(Map<String, String> outputs, String exitPath) {
        this(outputs, exitPath, "");
    }

    public static HandlerResult success(Map<String, String> outputs) {
        return new HandlerResult(outputs, SUCCESS);
    }

    public static HandlerResult failure(Map<String, String> outputs) {
        return new HandlerResult(outputs, FAILURE);
    }
}
