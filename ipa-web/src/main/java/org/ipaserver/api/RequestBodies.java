package org.ipaserver.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;

/**
 * Reads the small JSON bodies of the administration endpoints. Only their shape is checked here
 * (an object, known members, JSON types); whether the values make sense is the facade's to say.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body as an object with only the given members; no body or null counts as {}. Bodies are
     * taken as any JSON value: a parameter typed JsonObject given an array fails inside the JAX-RS
     * runtime (500 on Payara) instead of reaching the error mappers.
     */
    static JsonObject object(JsonValue body, Collection<String> members) {
        var object = object(body);
        var errors = new ArrayList<FieldError>();
        object.keySet().stream().filter(k -> !members.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(k, "unknown member")));
        refuse(errors);
        return object;
    }

    static JsonObject object(JsonValue body) {
        if (body == null || body == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ErrorMappers.BadRequest("the body must be a JSON object");
        }
        return body.asJsonObject();
    }

    /** A string member, null when absent or null; 400 when it is something else. */
    static String string(JsonObject body, String member) {
        var value = body.get(member);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw invalid(member, "must be a string");
    }

    /** A list of strings, null when absent or null; 400 when it is something else. */
    static List<String> strings(JsonObject body, String member) {
        var value = body.get(member);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY
                || !value.asJsonArray().stream().allMatch(JsonString.class::isInstance)) {
            throw invalid(member, "must be a list of names");
        }
        return value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /**
     * Name to whole number; a value that is no whole number (or beyond int) maps to null, which
     * the facade reports as a bad level together with every other bad entry.
     */
    static Map<String, Integer> levels(JsonObject body) {
        var levels = new HashMap<String, Integer>();
        body.forEach((name, value) -> levels.put(name, value instanceof JsonNumber n ? wholeNumber(n) : null));
        return levels;
    }

    static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer wholeNumber(JsonNumber number) {
        if (!number.isIntegral()) {
            return null;
        }
        var value = number.bigIntegerValue();
        return value.bitLength() < 32 ? value.intValue() : null;
    }

    static InvalidInput invalid(String field, String reason) {
        return new InvalidInput(List.of(new FieldError(field, reason)));
    }

    static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
