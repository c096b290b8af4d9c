package org.ipaserver.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values given as JSON take their variable's type only from the matching JSON type. */
class TypedValuesTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static Object read(String json, VariableType.Base base, boolean list) {
        return TypedValues.fromJson(json(json), new VariableType(base, list));
    }

    private static String refused(String json, VariableType.Base base, boolean list) {
        var message = assertThrows(IllegalArgumentException.class, () -> read(json, base, list)).getMessage();
        for (var value : List.of("12345", "12.50", "1767225600")) {
            assertFalse(message.contains(value), "never the value: " + message);
        }
        return message;
    }

    @Test
    void eachTypeTakesItsOwnJsonType() {
        assertEquals(Boolean.FALSE, read("false", VariableType.Base.BOOLEAN, false));
        assertEquals(42L, read("42", VariableType.Base.INTEGER, false));
        assertEquals(new BigDecimal("2.5"), read("2.5", VariableType.Base.DECIMAL, false));
        assertEquals("Ann", read("\"Ann\"", VariableType.Base.STRING, false));
        assertEquals("ann@example.com", read("\"ann@example.com\"", VariableType.Base.MAILBOX, false));
        assertEquals(Instant.parse("2026-01-31T09:30:00Z"), read("\"2026-01-31T09:30:00Z\"",
                VariableType.Base.DATETIME, false));
        assertEquals(List.of(1L, 2L), read("[1, 2]", VariableType.Base.INTEGER, true));
        assertEquals(null, read("null", VariableType.Base.BOOLEAN, false));
    }

    @Test
    void textsThatLookLikeOtherTypesAreRefused() {
        assertEquals("a JSON string cannot be stored in a Boolean variable: it takes true or false",
                refused("\"false\"", VariableType.Base.BOOLEAN, false));
        assertTrue(refused("\"12345\"", VariableType.Base.INTEGER, false).endsWith("it takes a whole JSON number"));
        assertTrue(refused("\"12.50\"", VariableType.Base.DECIMAL, false).endsWith("it takes a JSON number"));
        assertTrue(refused("12345", VariableType.Base.STRING, false).startsWith("a JSON number cannot be stored"));
        assertTrue(refused("true", VariableType.Base.MAILBOX, false).contains("email address"));
        assertTrue(refused("1767225600", VariableType.Base.DATETIME, false).contains("ISO-8601"));
        assertTrue(refused("1.5", VariableType.Base.INTEGER, false).contains("not a whole number"));
        assertTrue(refused("{\"a\":1}", VariableType.Base.STRING, false).startsWith("a JSON object"));
    }

    @Test
    void listsAreJsonArraysOfTheirElementType() {
        assertTrue(refused("\"12345\"", VariableType.Base.INTEGER, true).endsWith("it takes a JSON array"));
        assertTrue(refused("[1, \"12345\"]", VariableType.Base.INTEGER, true).startsWith("a JSON string"));
        assertTrue(refused("[1, 2]", VariableType.Base.INTEGER, false).startsWith("a JSON array"));
    }

    @Test
    void valuesStoredBeforeInputWasStrictAreStillRead() {
        var bool = new VariableType(VariableType.Base.BOOLEAN, false);
        assertEquals(Boolean.FALSE, TypedValues.fromStoredJson(json("\"false\""), bool));
        assertEquals(List.of(7L), TypedValues.fromStoredJson(json("[\"7\"]"),
                new VariableType(VariableType.Base.INTEGER, true)));
        assertThrows(IllegalArgumentException.class, () -> TypedValues.fromStoredJson(json("\"maybe\""), bool));
    }

    @Test
    void aJsonArrayTextFillsAListAsCallOutputsDo() {
        var integers = new VariableType(VariableType.Base.INTEGER, true);
        assertEquals(List.of(1L, 2L), TypedValues.coerce("[1, 2]", integers));
        var texts = new VariableType(VariableType.Base.STRING, true);
        assertEquals(java.util.Arrays.asList("a", null, "5"), TypedValues.coerce("[\"a\", null, 5]", texts));
        assertEquals(List.of(java.time.Instant.parse("2026-01-31T09:30:00Z")),
                TypedValues.coerce("[\"2026-01-31T09:30:00Z\"]", new VariableType(VariableType.Base.DATETIME, true)));
        var broken = assertThrows(IllegalArgumentException.class, () -> TypedValues.coerce("[1, secret", integers));
        assertEquals("a String value that is not a JSON array cannot be stored in a List variable",
                broken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TypedValues.coerce("1, 2", integers));
    }
}
