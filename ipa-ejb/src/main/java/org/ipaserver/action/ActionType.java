package org.ipaserver.action;

import java.util.List;
import org.ipaserver.definition.ActionDef;

/**
 * One kind of action and everything about it: how it is read from a definition, what publishing
 * checks, and what it does when a flow reaches it. Adding or changing a kind of action happens in
 * its class (and its record in {@link ActionDef}); {@link ActionTypes} lists them all.
 */
public interface ActionType<A extends ActionDef> {

    /** The values of the JSON {@code type} member that this kind reads. */
    List<String> names();

    Class<A> model();

    /** Reads the action's own members; problems are reported to {@code json}, never thrown. */
    A read(ActionJson json);

    /** Publish-time checks, with the variables the action's scope sees. */
    void check(A action, ActionCheck check);

    /**
     * Runs the action at the flow's cursor. Null means the flow goes on with its next step (the
     * action moved the cursor); anything else is why this run of the flow stops.
     */
    Outcome run(A action, ActionRun run);

    /** Whether the action runs again when its nested list ends, instead of being passed (a Loop). */
    default boolean repeats() {
        return false;
    }
}
