package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonException;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are exactly one JSON document. Parsing errors are JSON-P's JsonException, which
 * {@link ErrorMappers} answers with 400 "malformed request: ..." (the mapping needs a JAX-RS runtime).
 */
class StrictJsonBodiesTest {

    @Test
    void textAfterTheDocumentIsABadRequest() {
        var e = assertThrows(JsonException.class,
                () -> StrictJsonBodies.read("{\"definition\":\"CarLoan\"} {\"definition\":\"Other\"}", JsonValue.class));
        assertTrue(e.getMessage().startsWith("text after the end of the JSON document"), e.getMessage());
        assertThrows(JsonException.class, () -> StrictJsonBodies.read("{\"a\":1} x", JsonValue.class));
        assertThrows(JsonException.class, () -> StrictJsonBodies.read("{\"a\":", JsonValue.class));
    }

    @Test
    void oneDocumentIsReadAndNoBodyIsNull() {
        assertEquals(1, ((JsonObject) StrictJsonBodies.read(" {\"a\":1}\n", JsonValue.class)).getInt("a"));
        assertEquals(JsonValue.NULL, StrictJsonBodies.read("", JsonValue.class));
        assertThrows(ErrorMappers.BadRequest.class, () -> StrictJsonBodies.read("[1]", JsonObject.class));
    }
}
