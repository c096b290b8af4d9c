package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape checks of the bodies that are no records; the values are the facade's to judge. */
class RequestBodiesTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void levelsThatAreNoWholeIntAreHandedOnAsNull() {
        var expected = new HashMap<String, Integer>();
        expected.put("Loans", 70);
        expected.put("Half", null);
        expected.put("Huge", null);
        expected.put("Word", null);
        expected.put("Zero", 0);
        assertEquals(expected, RequestBodies.levels(RequestBodies.object(
                json("{\"Loans\":70,\"Half\":1.5,\"Huge\":99999999999,\"Word\":\"fluent\",\"Zero\":0}"))));
    }

    @Test
    void aBodyMustBeAnObject() {
        assertThrows(ErrorMappers.BadRequest.class, () -> RequestBodies.object(json("[1]")));
        assertEquals(Map.of(), RequestBodies.object(JsonValue.NULL));
    }

    @Test
    void queryLevelsAreWholeNumbersOrNull() {
        assertEquals(50, RequestBodies.wholeNumber(" 50"));
        assertEquals(null, RequestBodies.wholeNumber("fifty"));
        assertEquals(null, RequestBodies.wholeNumber(""));
    }
}
