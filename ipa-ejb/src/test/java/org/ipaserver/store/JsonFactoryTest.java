package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.stream.JsonParsingException;
import org.junit.jupiter.api.Test;

/** JSON text is one document: what follows it is an error, not silently dropped. */
class JsonFactoryTest {

    @Test
    void textAfterTheDocumentIsRefused() {
        for (var text : new String[] {"{\"a\":1} x", "{\"a\":1}{}", "{\"a\":1} 2", "[1] ]"}) {
            var e = assertThrows(JsonParsingException.class, () -> JsonFactory.readValue(text), text);
            assertTrue(e.getMessage().startsWith("text after the end of the JSON document"), e.getMessage());
        }
    }

    @Test
    void oneDocumentWithSurroundingWhitespaceIsRead() {
        assertEquals(1, JsonFactory.readObject("  {\"a\":1}\n\t ").getInt("a"));
        assertThrows(JsonParsingException.class, () -> JsonFactory.readObject(""));
        assertThrows(JsonParsingException.class, () -> JsonFactory.readObject("[1]"));
    }
}
