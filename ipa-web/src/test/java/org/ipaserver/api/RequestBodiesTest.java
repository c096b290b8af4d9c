package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;
import org.junit.jupiter.api.Test;

/** The shape checks of the administration bodies; the values are the facade's to judge. */
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
    void aBodyMustBeAnObjectOfKnownMembers() {
        assertThrows(ErrorMappers.BadRequest.class, () -> RequestBodies.object(json("[1]"), List.of("presence")));
        assertEquals(Map.of(), RequestBodies.object(JsonValue.NULL, List.of("presence")));
        var unknown = assertThrows(InvalidInput.class,
                () -> RequestBodies.object(json("{\"presence\":\"away\",\"mood\":1}"), List.of("presence")));
        assertEquals(List.of(new FieldError("mood", "unknown member")), unknown.errors());
    }

    @Test
    void membersOfTheWrongTypeAreNamed() {
        var body = json("{\"description\":7,\"members\":[\"ann\",3]}").asJsonObject();
        assertEquals("description", assertThrows(InvalidInput.class,
                () -> RequestBodies.string(body, "description")).errors().get(0).field());
        assertEquals("members", assertThrows(InvalidInput.class,
                () -> RequestBodies.strings(body, "members")).errors().get(0).field());
        assertEquals(List.of("ann"), RequestBodies.strings(json("{\"members\":[\"ann\"]}").asJsonObject(), "members"));
        assertEquals(null, RequestBodies.string(json("{\"description\":null}").asJsonObject(), "description"));
    }

    @Test
    void queryLevelsAreWholeNumbersOrNull() {
        assertEquals(50, RequestBodies.wholeNumber(" 50"));
        assertEquals(null, RequestBodies.wholeNumber("fifty"));
        assertEquals(null, RequestBodies.wholeNumber(""));
    }
}
