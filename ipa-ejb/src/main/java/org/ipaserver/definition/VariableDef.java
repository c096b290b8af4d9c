package org.ipaserver.definition;

import jakarta.json.JsonValue;

/**
 * A declared variable: global to the flow, or local to a state or task (including their inputs
 * and outputs). {@code initial} is the JSON literal it starts with, or null.
 */
public record VariableDef(
        String name,
        VariableType type,
        JsonValue initial,
        String securitySpecification,
        boolean report,
        String description,
        String path) {

    /** Variables by name, the first declaration winning (validation reports duplicates). */
    public static java.util.Map<String, VariableDef> byName(java.util.List<VariableDef> variables) {
        var map = new java.util.LinkedHashMap<String, VariableDef>();
        variables.stream().filter(v -> v.name() != null).forEach(v -> map.putIfAbsent(v.name(), v));
        return map;
    }
}
