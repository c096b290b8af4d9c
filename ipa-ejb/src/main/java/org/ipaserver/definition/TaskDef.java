package org.ipaserver.definition;

import java.util.List;

/** A reusable step of a process, called by RunTask: inputs in, outputs back, its own locals. */
public record TaskDef(
        String name,
        String description,
        List<VariableDef> inputs,
        List<VariableDef> outputs,
        List<VariableDef> variables,
        List<ActionDef> actions,
        String path) implements Scope {
}
