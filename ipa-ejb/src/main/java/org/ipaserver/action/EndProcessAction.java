package org.ipaserver.action;

import java.util.List;
import org.ipaserver.definition.ActionDef.EndProcess;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.TaskDef;

/** Ends the flow. Stands in states only. */
final class EndProcessAction implements ActionType<EndProcess> {

    @Override
    public List<String> names() {
        return List.of("EndProcess");
    }

    @Override
    public Class<EndProcess> model() {
        return EndProcess.class;
    }

    @Override
    public EndProcess read(ActionJson json) {
        json.members();
        return new EndProcess(json.label(), json.path());
    }

    @Override
    public void check(EndProcess end, ActionCheck check) {
        stateLevel(end, check);
    }

    @Override
    public Outcome run(EndProcess end, ActionRun run) {
        return run.endProcess();
    }

    /** ChangeState and EndProcess act on the whole flow: a task cannot hold them. */
    static void stateLevel(ActionDef action, ActionCheck check) {
        if (check.scope() instanceof TaskDef) {
            check.error(action.path(), action.type() + " is a state-level action: it cannot stand in a task");
        }
    }
}
