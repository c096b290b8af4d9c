package org.ipaserver.flow;

import java.time.Instant;

/** One line of a flow search. */
public record FlowSummary(String id, String definition, int version, String status, String currentState,
                          String launchedBy, Instant startedAt, Instant updatedAt, Instant endedAt, String waitingOn,
                          String error, String errorStep) {

    static FlowSummary of(FlowRecord r) {
        return new FlowSummary(r.id(), r.definitionName(), r.definitionVersion(), r.status().code(),
                r.currentState(), r.launchedBy(), r.startedAt(), r.updatedAt(), r.endedAt(), r.waitingOn(),
                r.errorMessage(), r.errorStep());
    }
}
