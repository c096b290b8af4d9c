package org.ipaserver.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.definition.ActionDef.RunProcess;
import org.ipaserver.definition.VariableDef;

/** Starts a child flow of a published process and waits for it to end (PAS_DepthThreshold bounds nesting). */
final class RunProcessAction implements ActionType<RunProcess> {

    @Override
    public List<String> names() {
        return List.of("RunProcess");
    }

    @Override
    public Class<RunProcess> model() {
        return RunProcess.class;
    }

    @Override
    public RunProcess read(ActionJson json) {
        json.members("process", "version", "inputs", "outputs");
        return new RunProcess(json.label(), json.requiredString("process"), json.integer("version"),
                json.stringMap("inputs"), json.stringMap("outputs"), json.path());
    }

    @Override
    public void check(RunProcess run, ActionCheck check) {
        if (run.process() == null) {
            return;
        }
        var child = run.process().equals(check.definition().name()) ? Optional.of(check.definition())
                : check.published(run.process());
        if (child.isEmpty()) {
            check.warning(run.path() + ".process", "process '" + run.process()
                    + "' is not published: flows will fail here until it is");
            run.inputs().forEach((name, value) -> check.expression(value, run.path() + ".inputs." + name));
            run.outputs().forEach((name, target) -> check.variable(target, run.path() + ".outputs." + name));
            return;
        }
        var globals = VariableDef.byName(child.get().variables());
        var owner = "process '" + run.process() + "'";
        check.inputs(run.inputs(), globals, owner, run.path() + ".inputs");
        check.outputs(run.outputs(), globals, owner, run.path() + ".outputs");
    }

    @Override
    public Outcome run(RunProcess run, ActionRun flow) {
        var inputs = new LinkedHashMap<String, Object>();
        run.inputs().forEach((name, text) -> inputs.put(name, flow.evaluate(text)));
        flow.waitOn("flow of " + run.process(), null);
        return new Outcome.ChildRequested(run, inputs);
    }

    /** The child flow ended with these global values: the mapped ones go to this flow's variables. */
    static void childEnded(RunProcess run, Map<String, Object> childGlobals, ActionRun flow) {
        run.outputs().forEach((childVariable, target) -> flow.assign(target, childGlobals.get(childVariable)));
        flow.advance();
    }
}
