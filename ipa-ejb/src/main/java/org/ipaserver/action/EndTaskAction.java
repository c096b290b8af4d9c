package org.ipaserver.action;

import java.util.List;
import org.ipaserver.definition.ActionDef.EndTask;
import org.ipaserver.definition.TaskDef;

/** Ends the task it stands in; the caller goes on after its RunTask. */
final class EndTaskAction implements ActionType<EndTask> {

    @Override
    public List<String> names() {
        return List.of("EndTask");
    }

    @Override
    public Class<EndTask> model() {
        return EndTask.class;
    }

    @Override
    public EndTask read(ActionJson json) {
        json.members();
        return new EndTask(json.label(), json.path());
    }

    @Override
    public void check(EndTask end, ActionCheck check) {
        if (!(check.scope() instanceof TaskDef)) {
            check.error(end.path(), "EndTask ends a task: it cannot stand in a state");
        }
    }

    @Override
    public Outcome run(EndTask end, ActionRun run) {
        run.endTask();
        return null;
    }
}
