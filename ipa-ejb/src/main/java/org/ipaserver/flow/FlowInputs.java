package org.ipaserver.flow;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.refusal.InvalidInput;

/** The values a flow starts with: checked against the declared globals, every bad one reported. */
final class FlowInputs {

    private FlowInputs() {
    }

    /** Launch variables from a request: 400 with each bad field. */
    static Map<String, Object> check(CompiledProcess process, Map<String, JsonValue> variables) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        var values = new LinkedHashMap<String, Object>();
        (variables == null ? Map.<String, JsonValue>of() : variables).forEach((name, json) -> {
            var declared = process.globals().get(name);
            if (declared == null) {
                errors.add(new InvalidInput.FieldError("variables." + name, "process " + process.name() + " v"
                        + process.version() + " has no variable named '" + name + "'"));
                return;
            }
            try {
                var value = TypedValues.fromJson(json, declared.type());
                FlowLimits.checkValue(name, value);
                values.put(name, value);
            } catch (IllegalArgumentException | FlowFailure e) {
                errors.add(new InvalidInput.FieldError("variables." + name, e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return values;
    }

    /** RunProcess inputs for a child flow: the first bad one is the parent's error. */
    static Map<String, Object> coerce(CompiledProcess process, Map<String, Object> inputs) {
        var values = new LinkedHashMap<String, Object>();
        inputs.forEach((name, value) -> {
            VariableDef declared = process.globals().get(name);
            if (declared == null) {
                throw new IllegalArgumentException("process '" + process.name() + "' has no variable '" + name + "'");
            }
            try {
                values.put(name, TypedValues.coerce(value, declared.type()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("input '" + name + "': " + e.getMessage());
            }
        });
        return values;
    }
}
