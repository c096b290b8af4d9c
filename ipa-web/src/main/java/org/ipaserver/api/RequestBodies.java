package org.ipaserver.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;

/**
 * The shape checks of the bodies that are no records: an object, and skill levels (a free-form map
 * whose bad entries the facade reports all at once). Records are {@link BodyBinder}'s.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body as an object; no body or null counts as {}. Bodies are taken as any JSON value: a
     * parameter typed JsonObject given an array fails inside the JAX-RS runtime (500 on Payara)
     * instead of reaching the error mappers.
     */
    static JsonObject object(JsonValue body) {
        if (body == null || body == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ErrorMappers.BadRequest("the body must be a JSON object");
        }
        return body.asJsonObject();
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
