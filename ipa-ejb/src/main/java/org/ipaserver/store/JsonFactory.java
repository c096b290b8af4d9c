package org.ipaserver.store;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the engine. {@code JSON.createXxx} looks the provider up through the
 * ServiceLoader on every call, which costs more than writing a whole state document.
 */
public final class JsonFactory {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {
    }
}
