package org.ipaserver.flow;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a flow, as the live monitor tells it: the flow's row as it stands
 * after the change (status, state, launcher, start), what happened ({@code kind} and its
 * {@code data}) and, for the kinds that show them, the flow's variables. Variables travel only in
 * {@code variables}, so that a viewer's data security is applied in one place.
 */
public record FlowEvent(String flowId, String process, int version, Kind kind, Instant at, String status,
                        String state, String launchedBy, Instant startedAt, Map<String, Object> data,
                        Map<String, Object> variables) {

    /** The kinds of event, named as the monitor's messages carry them. */
    public enum Kind {
        LAUNCHED("launched"),
        STATE_CHANGED("stateChanged"),
        WAITING_ON("waitingOn"),
        WORK_ITEM_SENT("workItemSent"),
        WORK_ITEM_PICKED_UP("workItemPickedUp"),
        WORK_ITEM_COMPLETED("workItemCompleted"),
        INCIDENT("incident"),
        RESTORED_IN_ERROR("restoredInError"),
        RETRIED("retried"),
        COMPLETED("completed"),
        CANCELLED("cancelled");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    static FlowEvent of(FlowRecord record, Kind kind, Instant at, Map<String, Object> data,
                        Map<String, Object> variables) {
        return new FlowEvent(record.id(), record.definitionName(), record.definitionVersion(), kind, at,
                record.status().code(), record.currentState(), record.launchedBy(), record.startedAt(), data,
                variables);
    }
}
