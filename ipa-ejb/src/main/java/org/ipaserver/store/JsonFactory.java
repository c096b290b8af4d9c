package org.ipaserver.store;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.io.StringReader;

/**
 * One JSON-P provider for the engine. {@code JSON.createXxx} looks the provider up through the
 * ServiceLoader on every call, which costs more than writing a whole state document.
 */
public final class JsonFactory {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {
    }

    /** A JSON object stored or sent as text (state documents, drafts, skills, request bodies); strict as {@link #readValue}. */
    public static JsonObject readObject(String text) {
        var value = readValue(text);
        if (!(value instanceof JsonObject object)) {
            throw new JsonParsingException("the JSON document must be an object", null);
        }
        return object;
    }

    public static JsonValue readValue(String text) {
        return readValue(new StringReader(text == null ? "" : text));
    }

    /**
     * Exactly one JSON document. JSON-P readers stop after the first value and ignore what
     * follows, so "{...} garbage" or two documents would pass for one: text after the document
     * is refused, with where it starts.
     */
    public static JsonValue readValue(Reader text) {
        try (var parser = JSON.createParser(text)) {
            parser.next();
            var value = parser.getValue();
            var end = parser.getLocation();
            try {
                if (parser.hasNext()) {
                    throw trailing(end);
                }
            } catch (JsonParsingException e) {
                throw trailing(end);
            }
            return value;
        }
    }

    private static JsonParsingException trailing(JsonLocation end) {
        return new TrailingText(end);
    }

    /** Text after a complete JSON document; the message says where the document ends. */
    public static final class TrailingText extends JsonParsingException {
        TrailingText(JsonLocation end) {
            super("text after the end of the JSON document (after line " + end.getLineNumber() + ", column "
                    + end.getColumnNumber() + "): send one JSON document only", end);
        }
    }
}
