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
}
