package org.ipaserver.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
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

    /** The codes of the statuses that {@link #ended()}, as a query's parameter. */
    public static final java.util.List<String> ENDED_CODES = Arrays.stream(values()).filter(FlowStatus::ended)
            .map(FlowStatus::code).toList();

    /** Any case; a stored status is read through this on every load of a flow's row, hence the map. */
    public static Optional<FlowStatus> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.toLowerCase(Locale.ROOT)));
    }

    private static final Map<String, FlowStatus> BY_CODE = Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(FlowStatus::code, s -> s));
}
