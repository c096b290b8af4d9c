package org.ipaserver.action;

import java.time.Instant;
import java.util.Map;
import org.ipaserver.definition.ActionDef;

/** Why the executor stopped running a flow. */
public sealed interface Outcome {

    record Completed() implements Outcome {
    }

    /** A timer: the flow resumes at {@code wakeAt}. */
    record Waiting(Instant wakeAt) implements Outcome {
    }

    /** A RunProcess: the engine starts the child; the flow waits for it. */
    record ChildRequested(ActionDef.RunProcess action, Map<String, Object> inputs) implements Outcome {
    }

    /**
     * A SendWorkItem: the engine creates the work item; the flow waits for a button, or until
     * {@code deadline} (null: no timeout).
     */
    record WorkItemRequested(ActionDef.SendWorkItem action, String recipient, String description,
                             Instant deadline) implements Outcome {
    }

    /** An external action: the flow commits "calling", then the call runs outside the transaction. */
    record CallRequested(ActionDef.External action, Map<String, Object> inputs, java.time.Duration timeout)
            implements Outcome {
    }

    /** A runtime error at an action; the flow goes to error, nothing else is affected. */
    record Failed(String path, String message) implements Outcome {
    }
}
