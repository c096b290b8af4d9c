package org.ipaserver.action;

import java.util.HashMap;
import java.util.List;
import org.ipaserver.definition.ActionDef.UpdateVariables;
import org.ipaserver.definition.ActionDef;

/** Assigns values to variables; every value is evaluated before any is stored. */
final class UpdateVariablesAction implements ActionType<UpdateVariables> {

    @Override
    public List<String> names() {
        return List.of("UpdateVariables");
    }

    @Override
    public Class<UpdateVariables> model() {
        return UpdateVariables.class;
    }

    @Override
    public UpdateVariables read(ActionJson json) {
        json.members("assignments");
        return new UpdateVariables(json.label(), json.list("assignments", a -> {
            a.known(java.util.Set.of("variable", "value"));
            return new ActionDef.Assignment(a.requiredString("variable"), a.requiredExpression("value"), a.path());
        }), json.path());
    }

    @Override
    public void check(UpdateVariables update, ActionCheck check) {
        if (update.assignments().isEmpty()) {
            check.error(update.path() + ".assignments", "UpdateVariables needs at least one assignment");
        }
        for (var assignment : update.assignments()) {
            var target = check.variable(assignment.variable(), assignment.path() + ".variable");
            if (assignment.value() != null) {
                var result = check.expression(assignment.value(), assignment.path() + ".value");
                target.ifPresent(t -> result.ifPresent(r ->
                        check.assignable(r, assignment.value(), t.type(), assignment.path() + ".value")));
            }
        }
    }

    @Override
    public Outcome run(UpdateVariables update, ActionRun run) {
        var values = new HashMap<String, Object>();
        for (var assignment : update.assignments()) {
            values.put(assignment.variable(), run.evaluate(assignment.value()));
        }
        values.forEach(run::assign);
        run.advance();
        return null;
    }
}
