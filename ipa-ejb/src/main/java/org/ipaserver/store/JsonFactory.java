package org.ipaserver.store;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * One JSON-P provider for the engine. {@code JSON.createXxx} looks the provider up through the
 * ServiceLoader on every call, which costs more than writing a whole state document.
 */
public final class JsonFactory {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {
    }

    /** A JSON object stored as text (state documents, drafts, required skills). */
    public static JsonObject readObject(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
