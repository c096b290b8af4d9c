package org.ipaserver.definition;

import java.util.List;
import java.util.Optional;

/**
 * One version of a process definition as read from its JSON document. Finders tolerate members
 * without names: a definition being validated may lack any of them.
 */
public record ProcessDefinition(
        String name,
        String description,
        List<VariableDef> variables,
        String startState,
        List<StateDef> states,
        List<TaskDef> tasks,
        List<FormDef> forms,
        List<SecuritySpecification> securitySpecifications) {

    public Optional<VariableDef> variable(String name) {
        return variables.stream().filter(v -> name != null && name.equals(v.name())).findFirst();
    }

    public Optional<StateDef> state(String name) {
        return states.stream().filter(s -> name != null && name.equals(s.name())).findFirst();
    }

    public Optional<TaskDef> task(String name) {
        return tasks.stream().filter(t -> name != null && name.equals(t.name())).findFirst();
    }
}
