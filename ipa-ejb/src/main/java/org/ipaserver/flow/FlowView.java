package org.ipaserver.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A flow as the API shows it: its row, its variables and its step history. */
public record FlowView(
        String id,
        String definition,
        int version,
        String status,
        String currentState,
        String launchedBy,
        String parentFlowId,
        Instant startedAt,
        Instant updatedAt,
        Instant endedAt,
        long runningTimeMillis,
        String waitingOn,
        Instant wakeAt,
        String error,
        Map<String, Object> variables,
        List<FlowState.Step> history,
        long historyDropped) {
}
