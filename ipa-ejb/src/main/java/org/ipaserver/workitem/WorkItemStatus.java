package org.ipaserver.workitem;

import java.util.Arrays;
import java.util.Optional;

/** Alerting (offered), processing (picked up), held, and the two ends. */
public enum WorkItemStatus {
    ALERTING, PROCESSING, HELD, COMPLETED, CANCELLED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean open() {
        return this != COMPLETED && this != CANCELLED;
    }

    public static Optional<WorkItemStatus> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code)).findFirst();
    }
}
