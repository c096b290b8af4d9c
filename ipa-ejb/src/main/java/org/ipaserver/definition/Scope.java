package org.ipaserver.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A state or a task: something with local variables and a list of actions. */
public sealed interface Scope permits StateDef, TaskDef {

    String name();

    String path();

    List<VariableDef> inputs();

    List<VariableDef> variables();

    List<ActionDef> actions();

    default List<VariableDef> outputs() {
        return List.of();
    }

    /** Inputs, outputs and locals: every variable declared in this scope. */
    default List<VariableDef> locals() {
        var all = new ArrayList<VariableDef>(inputs());
        all.addAll(outputs());
        all.addAll(variables());
        return all;
    }

    default Optional<VariableDef> local(String name) {
        return locals().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    default String kind() {
        return this instanceof TaskDef ? "task" : "state";
    }
}
