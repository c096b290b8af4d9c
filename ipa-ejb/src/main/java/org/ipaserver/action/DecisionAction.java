package org.ipaserver.action;

import java.util.List;
import org.ipaserver.definition.ActionDef.Decision;

/** Runs {@code then} when the condition holds, else {@code else}. */
final class DecisionAction implements ActionType<Decision> {

    @Override
    public List<String> names() {
        return List.of("Decision");
    }

    @Override
    public Class<Decision> model() {
        return Decision.class;
    }

    @Override
    public Decision read(ActionJson json) {
        json.members("condition", "then", "else");
        return new Decision(json.label(), json.requiredString("condition"), json.actions("then"),
                json.actions("else"), json.path());
    }

    @Override
    public void check(Decision decision, ActionCheck check) {
        check.condition(decision.condition(), decision.path() + ".condition");
    }

    @Override
    public Outcome run(Decision decision, ActionRun run) {
        run.enter(run.isTrue(decision.condition()) ? decision.then() : decision.otherwise());
        return null;
    }
}
