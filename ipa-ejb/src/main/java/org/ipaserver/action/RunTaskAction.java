package org.ipaserver.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.definition.ActionDef.RunTask;
import org.ipaserver.definition.VariableDef;

/** Runs a task of the process: inputs go to its input variables, its outputs come back to variables. */
final class RunTaskAction implements ActionType<RunTask> {

    @Override
    public List<String> names() {
        return List.of("RunTask");
    }

    @Override
    public Class<RunTask> model() {
        return RunTask.class;
    }

    @Override
    public RunTask read(ActionJson json) {
        json.members("task", "inputs", "outputs");
        return new RunTask(json.label(), json.requiredString("task"), json.stringMap("inputs"),
                json.stringMap("outputs"), json.path());
    }

    @Override
    public void check(RunTask run, ActionCheck check) {
        if (run.task() == null) {
            return;
        }
        var task = check.definition().task(run.task());
        if (task.isEmpty()) {
            check.error(run.path() + ".task", "no task named '" + run.task() + "'");
            return;
        }
        var owner = "task '" + run.task() + "'";
        check.inputs(run.inputs(), VariableDef.byName(task.get().inputs()), owner, run.path() + ".inputs");
        check.outputs(run.outputs(), VariableDef.byName(task.get().outputs()), owner, run.path() + ".outputs");
    }

    @Override
    public Outcome run(RunTask run, ActionRun flow) {
        var task = flow.definition().task(run.task()).orElseThrow();
        var inputs = new LinkedHashMap<String, Object>();
        run.inputs().forEach((input, text) -> inputs.put(input, flow.evaluate(text)));
        flow.runTask(task, inputs);
        return null;
    }

    /** The task ended with these local values: its outputs go to the caller's variables. */
    static void returned(RunTask run, Map<String, Object> taskLocals, ActionRun caller) {
        run.outputs().forEach((output, target) -> caller.assign(target, taskLocals.get(output)));
        caller.advance();
    }
}
