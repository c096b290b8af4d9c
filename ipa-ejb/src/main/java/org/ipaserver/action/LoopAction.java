package org.ipaserver.action;

import java.util.List;
import org.ipaserver.definition.ActionDef.Loop;
import org.ipaserver.definition.VariableType;

/** Repeats its body while the condition holds, at most maxIterations times (then the flow errs). */
final class LoopAction implements ActionType<Loop> {

    static final int DEFAULT_MAX_ITERATIONS = 1000;
    static final int MAX_ITERATIONS = 1_000_000;

    @Override
    public List<String> names() {
        return List.of("Loop");
    }

    @Override
    public Class<Loop> model() {
        return Loop.class;
    }

    @Override
    public boolean repeats() {
        return true;
    }

    @Override
    public Loop read(ActionJson json) {
        json.members("while", "maxIterations", "counter", "actions");
        var max = json.integer("maxIterations");
        return new Loop(json.label(), json.requiredString("while"), max == null ? DEFAULT_MAX_ITERATIONS : max,
                json.optionalString("counter"), json.actions("actions"), json.path());
    }

    @Override
    public void check(Loop loop, ActionCheck check) {
        check.condition(loop.condition(), loop.path() + ".while");
        if (loop.maxIterations() < 1 || loop.maxIterations() > MAX_ITERATIONS) {
            check.error(loop.path() + ".maxIterations", "must be between 1 and " + MAX_ITERATIONS);
        }
        if (loop.counter() != null) {
            check.variable(loop.counter(), loop.path() + ".counter").ifPresent(counter -> {
                if (!counter.type().equals(VariableType.INTEGER)) {
                    check.error(loop.path() + ".counter", "the loop counter must be an Integer variable");
                }
            });
        }
    }

    @Override
    public Outcome run(Loop loop, ActionRun run) {
        if (loop.counter() != null) {
            run.assign(loop.counter(), (long) run.iterations());
        }
        if (!run.isTrue(loop.condition())) {
            run.advance();
            return null;
        }
        if (run.iterations() >= loop.maxIterations()) {
            throw run.failure("the loop ran " + loop.maxIterations() + " times (its maxIterations) and its "
                    + "condition still holds");
        }
        run.repeat(loop.actions());
        return null;
    }
}
