package org.ipaserver.definition;

import java.util.List;

/** A stage of the flow: its inputs (filled by ChangeState), local variables and actions. */
public record StateDef(
        String name,
        String description,
        List<VariableDef> inputs,
        List<VariableDef> variables,
        List<ActionDef> actions,
        String path) implements Scope {
}
