package org.ipaserver.definition;

import static org.ipaserver.store.JsonFactory.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Converts values to the Java form of a variable type: Integer → Long, Decimal → BigDecimal,
 * DateTime → Instant, Mailbox → String, lists → unmodifiable List. The messages of the
 * {@link IllegalArgumentException}s thrown name the types, never the value.
 */
public final class TypedValues {

    private static final Pattern MAILBOX = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private TypedValues() {
    }

    public static Object coerce(Object value, VariableType type) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonValue json) {
            return fromJson(json, type);
        }
        if (type.list()) {
            if (value instanceof String text && text.strip().startsWith("[")) {
                return fromStoredJson(jsonArray(text), type); // outputs of external calls are texts
            }
            if (!(value instanceof Collection<?> items)) {
                throw mismatch(value, type);
            }
            var converted = new ArrayList<>(items.size());
            for (var item : items) {
                converted.add(coerce(item, type.element()));
            }
            return java.util.Collections.unmodifiableList(converted);
        }
        return switch (type.base()) {
            case STRING -> text(value, type);
            case INTEGER -> integer(value, type);
            case DECIMAL -> decimal(value, type);
            case BOOLEAN -> bool(value, type);
            case DATETIME -> time(value, type);
            case MAILBOX -> mailbox(value, type);
        };
    }

    /**
     * A value given as JSON (initial values, launch inputs, form values, state documents), strict
     * about JSON types: a Boolean is true or false, never the string "false"; an Integer a whole
     * JSON number; a Decimal a JSON number; a String or Mailbox a JSON string; a DateTime an
     * ISO-8601 JSON string; a list a JSON array of those. Results of expressions are coerced more
     * freely by {@link #coerce}; this is for what people and programs type.
     */
    public static Object fromJson(JsonValue json, VariableType type) {
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (type.list()) {
            if (!(json instanceof JsonArray array)) {
                throw new IllegalArgumentException(jsonKind(json) + " cannot be stored in " + article(type.toString())
                        + " variable: it takes a JSON array");
            }
            var items = new ArrayList<>(array.size());
            for (var item : array) {
                items.add(fromJson(item, type.element()));
            }
            return java.util.Collections.unmodifiableList(items);
        }
        var fits = switch (type.base()) {
            case STRING, MAILBOX, DATETIME -> json instanceof JsonString;
            case INTEGER, DECIMAL -> json instanceof JsonNumber;
            case BOOLEAN -> json.getValueType() == JsonValue.ValueType.TRUE
                    || json.getValueType() == JsonValue.ValueType.FALSE;
        };
        if (!fits) {
            throw new IllegalArgumentException(jsonKind(json) + " cannot be stored in " + article(type.toString())
                    + " variable: it takes " + expected(type));
        }
        return switch (json.getValueType()) {
            case STRING -> coerce(((JsonString) json).getString(), type);
            case NUMBER -> coerce(((JsonNumber) json).bigDecimalValue(), type);
            default -> json.getValueType() == JsonValue.ValueType.TRUE;
        };
    }

    /**
     * A value stored as JSON by this server (state documents, drafts, initial values of published
     * versions). What was stored before input became strict (a Boolean draft value "false") is
     * still read, converted as an expression result would be, so that old flows and items go on.
     */
    public static Object fromStoredJson(JsonValue json, VariableType type) {
        try {
            return fromJson(json, type);
        } catch (IllegalArgumentException strict) {
            return coerce(plain(json), type);
        }
    }

    private static JsonArray jsonArray(String text) {
        try (var reader = JSON.createReader(new java.io.StringReader(text))) {
            return reader.readArray();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a String value that is not a JSON array cannot be stored in a List "
                    + "variable");
        }
    }

    private static Object plain(JsonValue json) {
        return switch (json.getValueType()) {
            case STRING -> ((JsonString) json).getString();
            case NUMBER -> ((JsonNumber) json).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case ARRAY -> ((JsonArray) json).stream().map(TypedValues::plain).toList();
            case NULL -> null;
            case OBJECT -> throw new IllegalArgumentException("an object cannot be stored in a variable");
        };
    }

    private static String jsonKind(JsonValue json) {
        return switch (json.getValueType()) {
            case STRING -> "a JSON string";
            case NUMBER -> "a JSON number";
            case TRUE, FALSE -> "a JSON true/false";
            case ARRAY -> "a JSON array";
            case OBJECT -> "a JSON object";
            case NULL -> "null";
        };
    }

    private static String expected(VariableType type) {
        return switch (type.base()) {
            case STRING -> "a JSON string";
            case MAILBOX -> "a JSON string holding an email address";
            case INTEGER -> "a whole JSON number";
            case DECIMAL -> "a JSON number";
            case BOOLEAN -> "true or false";
            case DATETIME -> "a JSON string holding an ISO-8601 date-time (2026-01-31T09:30:00Z)";
        };
    }

    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof List<?> items) {
            var array = JSON.createArrayBuilder();
            items.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        if (value instanceof Long l) {
            return JSON.createValue(l);
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return JSON.createValue(value.toString());
    }

    /**
     * A value as the text the outside world gets it (handler inputs, URL parts, mail texts): a
     * String as it is, other scalars in their JSON form (12.50, true, an ISO instant), lists as
     * JSON arrays, nothing as the empty text.
     */
    public static String asText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        var json = toJson(value);
        return json instanceof JsonString s ? s.getString() : json.toString();
    }

    private static String text(Object value, VariableType type) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Instant) {
            return value.toString();
        }
        throw mismatch(value, type);
    }

    private static Long integer(Object value, VariableType type) {
        try {
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger b) {
                return b.longValueExact();
            }
            if (value instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if (value instanceof Double || value instanceof Float) {
                return new BigDecimal(value.toString()).longValueExact();
            }
            if (value instanceof String s) {
                return new BigDecimal(s.strip()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(article(kind(value)) + " value that is not a whole number in range "
                    + "cannot be stored in an Integer variable");
        }
        throw mismatch(value, type);
    }

    private static BigDecimal decimal(Object value, VariableType type) {
        try {
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof BigInteger b) {
                return new BigDecimal(b);
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("the result is not a finite number (division by zero?)");
                }
                return BigDecimal.valueOf(d);
            }
            if (value instanceof String s) {
                return new BigDecimal(s.strip());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(article(kind(value)) + " value that is not a number cannot be stored "
                    + "in a Decimal variable");
        }
        throw mismatch(value, type);
    }

    private static Boolean bool(Object value, VariableType type) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        throw mismatch(value, type);
    }

    private static Instant time(Object value, VariableType type) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof String s) {
            var text = s.strip();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("a String value that is not an ISO-8601 date-time "
                            + "(2026-01-31T09:30:00Z) cannot be stored in a DateTime variable");
                }
            }
        }
        throw mismatch(value, type);
    }

    private static String mailbox(Object value, VariableType type) {
        if (value instanceof String s && MAILBOX.matcher(s.strip()).matches()) {
            return s.strip();
        }
        if (value instanceof String) {
            throw new IllegalArgumentException("a String value that is not an email address cannot be stored in a "
                    + "Mailbox variable");
        }
        throw mismatch(value, type);
    }

    private static IllegalArgumentException mismatch(Object value, VariableType type) {
        return new IllegalArgumentException(article(kind(value)) + " value cannot be stored in a " + type + " variable");
    }

    private static String article(String kind) {
        return ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    /** The value's type in the words of the definition format. */
    public static String kind(Object value) {
        if (value instanceof String) {
            return "String";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return "Integer";
        }
        if (value instanceof Number) {
            return "Decimal";
        }
        if (value instanceof Boolean) {
            return "Boolean";
        }
        if (value instanceof Instant) {
            return "DateTime";
        }
        if (value instanceof Collection<?>) {
            return "List";
        }
        return value.getClass().getSimpleName();
    }
}
