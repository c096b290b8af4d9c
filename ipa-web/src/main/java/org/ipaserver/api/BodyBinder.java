package org.ipaserver.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ipaserver.refusal.InvalidInput.FieldError;

/**
 * Binds a JSON object to a {@link JsonBody} record. JSON-B alone would ignore unknown members,
 * take {@code "true"} for a Boolean and stop at the first bad value; so the members are checked
 * first (known, of the component's JSON type), all of them, then JSON-B binds and Bean Validation
 * judges the values. Free-form members (a map of variable values) are JSON objects, bound as such.
 */
final class BodyBinder {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    /** A record's components, asked once per type: reflection's answer is a fresh copy each time, and slow. */
    private static final ClassValue<List<RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            return List.of(type.getRecordComponents());
        }
    };

    private BodyBinder() {
    }

    /** The record of {@code type} for the body (no body or null counts as {}); 400 with every bad field. */
    static <T extends JsonBody> T bind(JsonValue json, Class<T> type) {
        JsonObject body = RequestBodies.object(json);
        var components = COMPONENTS.get(type);
        var errors = new ArrayList<FieldError>();
        var names = components.stream().map(RecordComponent::getName).toList();
        body.keySet().stream().filter(k -> !names.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(k, "unknown member")));
        for (var component : components) {
            var value = body.get(component.getName());
            if (value != null && value != JsonValue.NULL) {
                var wrong = wrongType(component.getGenericType(), value);
                if (wrong != null) {
                    errors.add(new FieldError(component.getName(), wrong));
                }
            }
        }
        RequestBodies.refuse(errors);
        T bound = JSONB.fromJson(body.toString(), type);
        VALIDATOR.validate(bound).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .forEach(errors::add);
        RequestBodies.refuse(errors);
        return bound;
    }

    /** Why {@code value} cannot be a {@code type}, or null when it can. */
    private static String wrongType(Type type, JsonValue value) {
        var raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        var kind = value.getValueType();
        if (raw == String.class) {
            return kind == JsonValue.ValueType.STRING ? null : "must be a string";
        }
        if (raw == Boolean.class) {
            return kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE ? null
                    : "must be true or false";
        }
        if (raw == Integer.class || raw == Long.class) {
            return value instanceof jakarta.json.JsonNumber n && n.isIntegral()
                    && n.bigIntegerValue().bitLength() < (raw == Integer.class ? 32 : 64) ? null
                    : "must be a whole number";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return kind == JsonValue.ValueType.ARRAY && value.asJsonArray().stream().allMatch(JsonString.class::isInstance)
                    ? null : "must be a list of names";
        }
        if (Map.class.isAssignableFrom(raw) || JsonObject.class.isAssignableFrom(raw)) {
            return kind == JsonValue.ValueType.OBJECT ? null : "must be an object of name → value";
        }
        throw new IllegalStateException("no JSON type known for " + type);
    }
}
