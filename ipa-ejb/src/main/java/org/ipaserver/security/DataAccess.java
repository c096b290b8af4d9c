package org.ipaserver.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.ipaserver.definition.ProcessDefinition;
import org.ipaserver.definition.SecuritySpecification;
import org.ipaserver.definition.VariableDef;

/**
 * Data access security: a variable naming a security specification shows its value only to the
 * users, workgroup members and role holders the specification lists. Everyone else, whatever
 * their other rights, sees that the variable exists and is restricted, never its value.
 */
public final class DataAccess {

    private DataAccess() {
    }

    /** The names of the variables (global and local) whose values the caller may not see. */
    public static Set<String> restricted(ProcessDefinition definition, Caller caller) {
        var specifications = new HashMap<String, SecuritySpecification>();
        definition.securitySpecifications().forEach(s -> specifications.put(s.name(), s));
        var hidden = new HashSet<String>();
        var variables = new java.util.ArrayList<VariableDef>(definition.variables());
        definition.states().forEach(s -> variables.addAll(s.locals()));
        definition.tasks().forEach(t -> variables.addAll(t.locals()));
        for (var variable : variables) {
            if (variable.securitySpecification() != null
                    && !allows(specifications.get(variable.securitySpecification()), caller)) {
                hidden.add(variable.name());
            }
        }
        return hidden;
    }

    static boolean allows(SecuritySpecification specification, Caller caller) {
        if (specification == null) {
            return false;
        }
        return specification.users().contains(caller.name())
                || specification.roles().stream().anyMatch(caller.hasRole())
                || specification.workgroups().stream().anyMatch(caller.workgroups()::contains);
    }
}
