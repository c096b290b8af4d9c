package org.ipaserver.action;

import java.util.List;
import java.util.Set;
import org.ipaserver.definition.ActionDef.Select;
import org.ipaserver.definition.ActionDef;

/** Runs the actions of the first case whose condition holds, else {@code otherwise}. */
final class SelectAction implements ActionType<Select> {

    @Override
    public List<String> names() {
        return List.of("Select");
    }

    @Override
    public Class<Select> model() {
        return Select.class;
    }

    @Override
    public Select read(ActionJson json) {
        json.members("cases", "otherwise");
        return new Select(json.label(), json.list("cases", c -> {
            c.known(Set.of("name", "when", "actions"));
            return new ActionDef.Case(c.optionalString("name"), c.requiredString("when"), c.actions("actions"),
                    c.path());
        }), json.actions("otherwise"), json.path());
    }

    @Override
    public void check(Select select, ActionCheck check) {
        if (select.cases().isEmpty()) {
            check.error(select.path() + ".cases", "Select needs at least one case");
        }
        select.cases().forEach(c -> check.condition(c.when(), c.path() + ".when"));
    }

    @Override
    public Outcome run(Select select, ActionRun run) {
        for (var option : select.cases()) {
            if (run.isTrue(option.when())) {
                run.enter(option.actions());
                return null;
            }
        }
        run.enter(select.otherwise());
        return null;
    }
}
