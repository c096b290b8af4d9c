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
        /** The action an error or incident stopped at. */
        String errorStep,
        Map<String, Object> variables,
        List<FlowState.Step> history,
        long historyDropped,
        List<RelatedInteraction.View> relatedInteractions,
        java.util.Set<String> restrictedVariables) {

    /** The same view without the values of {@code hidden} variables (data access security). */
    public FlowView redact(java.util.Set<String> hidden) {
        var visible = new java.util.LinkedHashMap<String, Object>();
        variables.forEach((name, value) -> {
            if (!hidden.contains(name)) {
                visible.put(name, value);
            }
        });
        var restricted = new java.util.TreeSet<>(hidden);
        restricted.retainAll(variables.keySet());
        return new FlowView(id, definition, version, status, currentState, launchedBy, parentFlowId, startedAt,
                updatedAt, endedAt, runningTimeMillis, waitingOn, wakeAt, error, errorStep, visible, history, historyDropped,
                relatedInteractions, restricted);
    }
}
