package org.ipaserver.workitem;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ipaserver.definition.FormDef;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.flow.FlowLimits;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;

/**
 * Checks what a person typed into a work-item form: known fields, editable, of the variable's
 * type, among the choices, and (to complete it) every required field filled. Every bad field is
 * reported at once, as {@code values.<field>}.
 */
final class FormInput {

    private FormInput() {
    }

    /**
     * @param current the values the form shows now, by field name (draft or flow variable)
     * @return the typed values given, by variable name
     */
    static Map<String, Object> check(FormDef form, Map<String, VariableDef> globals, Map<String, JsonValue> given,
                                     Map<String, Object> current, boolean completing, java.util.Set<String> hidden) {
        var errors = new ArrayList<FieldError>();
        var values = new LinkedHashMap<String, Object>();
        var fields = new LinkedHashMap<String, FormDef.Field>();
        form.fields().forEach(f -> fields.put(f.name(), f));
        given.forEach((name, json) -> {
            var field = fields.get(name);
            if (field == null) {
                errors.add(new FieldError("values." + name, "form " + form.name() + " has no field '" + name + "'"));
                return;
            }
            if (hidden.contains(field.variable())) {
                errors.add(new FieldError("values." + name, "the field is restricted: you may not see or write it"));
                return;
            }
            if (field.readOnly()) {
                errors.add(new FieldError("values." + name, "the field is read-only"));
                return;
            }
            var type = globals.get(field.variable()).type();
            try {
                var value = TypedValues.fromJson(json, type);
                var tooLarge = FlowLimits.valueTooLarge(value);
                if (tooLarge != null) {
                    errors.add(new FieldError("values." + name, tooLarge));
                    return;
                }
                if (value != null && !field.choices().isEmpty() && !isChoice(field, value, type)) {
                    errors.add(new FieldError("values." + name, "must be one of " + String.join(", ",
                            field.choices())));
                    return;
                }
                values.put(field.variable(), value);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("values." + name, e.getMessage()));
            }
        });
        if (completing) {
            for (var field : form.fields()) {
                var given_ = given.get(field.name());
                var missing = given_ == null ? isEmpty(current.get(field.name())) : isEmpty(given_);
                if (field.required() && !field.readOnly() && !hidden.contains(field.variable()) && missing) {
                    errors.add(new FieldError("values." + field.name(), "is required"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return values;
    }

    private static boolean isChoice(FormDef.Field field, Object value,
                                    org.ipaserver.definition.VariableType type) {
        for (var choice : field.choices()) {
            var option = TypedValues.coerce(choice, type.element());
            if (option instanceof java.math.BigDecimal d && value instanceof java.math.BigDecimal v
                    ? d.compareTo(v) == 0 : option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value == JsonValue.NULL
                || value instanceof JsonString s && s.getString().isBlank()
                || value instanceof String s && s.isBlank();
    }
}
