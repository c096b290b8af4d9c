package org.ipaserver.flow;

import java.util.Arrays;
import java.util.Optional;

/** Where a flow stands; the code is what the database and the API carry. */
public enum FlowStatus {
    RUNNING("running"),
    WAITING("waiting"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    ERROR("error"),
    /** An external action was in flight during an outage: not re-run blindly, a manager retries it. */
    RESTORED_IN_ERROR("restored-in-error");

    private final String code;

    FlowStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean ended() {
        return this == COMPLETED || this == CANCELLED;
    }

    public static Optional<FlowStatus> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(code)).findFirst();
    }
}
