package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schemas in the static part of the OpenAPI document are those the records make: change a
 * record and this fails until the file is written again with
 * {@code mvn -pl ipa-web test -Dtest=ApiSchemasTest -Dipa.openapi.write=true}.
 */
class ApiSchemasTest {

    private static final Path STATIC_PART = Path.of("src/main/resources/META-INF/openapi.json");

    @Test
    void theStaticPartOfTheDocumentHasTheRecordsSchemas() throws Exception {
        var out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(ApiSchemas.document());
        }
        var expected = out.toString().strip() + "\n";
        if (Boolean.getBoolean("ipa.openapi.write")) {
            Files.writeString(STATIC_PART, expected);
        }
        assertEquals(expected, Files.readString(STATIC_PART), STATIC_PART + " differs from the records: write it "
                + "again (-Dipa.openapi.write=true)");
    }
}
