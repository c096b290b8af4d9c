package org.ipaserver.flow;

import java.time.Duration;
import java.util.Map;
import org.ipaserver.definition.ActionDef;

/**
 * One call of an external action, prepared in the flow's transaction and made outside any: the
 * action, its evaluated inputs and timeout (null: the action type's default), and what its
 * answer must quote to be accepted (the flow and call number).
 *
 * @param idempotencyKey the same for every attempt of this step, so that the far side can tell a retry
 */
public record CallRequest(String flowId, int number, int attempt, String idempotencyKey, ActionDef.External action,
                          Map<String, Object> inputs, Duration timeout) {

    /** How the flow's row and monitor show the call. */
    public String description() {
        return "calling " + action.type() + (action.label() == null ? "" : " '" + action.label() + "'") + " (call "
                + number + ", attempt " + attempt + ")";
    }
}
