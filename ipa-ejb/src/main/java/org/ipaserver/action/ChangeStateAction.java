package org.ipaserver.action;

import java.util.HashMap;
import java.util.List;
import org.ipaserver.definition.ActionDef.ChangeState;
import org.ipaserver.definition.VariableDef;

/** Leaves the current state for another, giving it input values. Stands in states only. */
final class ChangeStateAction implements ActionType<ChangeState> {

    @Override
    public List<String> names() {
        return List.of("ChangeState");
    }

    @Override
    public Class<ChangeState> model() {
        return ChangeState.class;
    }

    @Override
    public ChangeState read(ActionJson json) {
        json.members("state", "inputs");
        return new ChangeState(json.label(), json.requiredString("state"), json.stringMap("inputs"), json.path());
    }

    @Override
    public void check(ChangeState change, ActionCheck check) {
        EndProcessAction.stateLevel(change, check);
        if (change.state() == null) {
            return;
        }
        var state = check.definition().state(change.state());
        if (state.isEmpty()) {
            check.error(change.path() + ".state", "no state named '" + change.state() + "'");
            return;
        }
        check.inputs(change.inputs(), VariableDef.byName(state.get().inputs()), "state '" + change.state() + "'",
                change.path() + ".inputs");
    }

    @Override
    public Outcome run(ChangeState change, ActionRun run) {
        var inputs = new HashMap<String, Object>();
        change.inputs().forEach((name, text) -> inputs.put(name, run.evaluate(text)));
        run.changeState(change.state(), inputs);
        return null;
    }
}
