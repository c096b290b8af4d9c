package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.catalog.DefinitionValidator;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.Test;

/**
 * The schemas in the static part of the OpenAPI document are those the records make: change a
 * record and this fails until the file is written again with
 * {@code mvn -pl ipa-web test -Dtest=ApiSchemasTest -Dipa.openapi.write=true}. Every schema has an
 * example, and the examples say only what the schemas allow.
 */
class ApiSchemasTest {

    private static final Path STATIC_PART = Path.of("src/main/resources/META-INF/openapi.json");
    private static final String REF = "#/components/schemas/";

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

    @Test
    void everySchemaHasAnExampleThatFitsIt() {
        var components = ApiSchemas.document().getJsonObject("components");
        var schemas = components.getJsonObject("schemas");
        var faults = new ArrayList<String>();
        schemas.forEach((name, schema) -> {
            var example = schema.asJsonObject().get("example");
            if (example == null) {
                faults.add(name + ": no example (src/main/openapi/schema-examples.json)");
            } else {
                fits(example, schema.asJsonObject(), schemas, name, faults);
            }
        });
        components.getJsonObject("responses").forEach((name, response) -> {
            var content = response.asJsonObject().getJsonObject("content");
            if (content != null) {
                content.forEach((type, media) -> media.asJsonObject().getJsonObject("examples").forEach((key, example) ->
                        fits(example.asJsonObject().get("value"), media.asJsonObject().getJsonObject("schema"), schemas,
                                name + "." + key, faults)));
            }
        });
        assertEquals(List.of(), faults);
    }

    /** The example of a definition document is one that publishes without a problem, not even a warning. */
    @Test
    void theExampleDefinitionIsValid() {
        var example = ApiSchemas.document().getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("DefinitionDocument").getJsonObject("example");
        var report = new DefinitionValidator(new Expressions(), name -> Optional.empty()).validate(example.toString());
        assertEquals(List.of(), report.problems());
    }

    /** Whether {@code value} is what {@code schema} describes: known members, JSON types, enums, bounds. */
    private static void fits(JsonValue value, JsonObject schema, JsonObject schemas, String at, List<String> faults) {
        if (schema.containsKey("$ref")) {
            var name = schema.getString("$ref").substring(REF.length());
            fits(value, schemas.getJsonObject(name), schemas, at, faults);
            return;
        }
        if (value == JsonValue.NULL || !schema.containsKey("type")) {
            return; // any JSON value (a variable's), or absent
        }
        var type = schema.getString("type");
        var kind = value.getValueType();
        boolean typed = switch (type) {
            case "object" -> kind == JsonValue.ValueType.OBJECT;
            case "array" -> kind == JsonValue.ValueType.ARRAY;
            case "string" -> kind == JsonValue.ValueType.STRING;
            case "boolean" -> kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE;
            case "integer" -> kind == JsonValue.ValueType.NUMBER && ((JsonNumber) value).isIntegral();
            default -> kind == JsonValue.ValueType.NUMBER;
        };
        if (!typed) {
            faults.add(at + ": " + value + " is no " + type);
            return;
        }
        if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
            faults.add(at + ": " + value + " is none of " + schema.getJsonArray("enum"));
        }
        if (type.equals("integer") && (schema.containsKey("minimum") && ((JsonNumber) value).longValue()
                < schema.getJsonNumber("minimum").longValue() || schema.containsKey("maximum")
                && ((JsonNumber) value).longValue() > schema.getJsonNumber("maximum").longValue())) {
            faults.add(at + ": " + value + " is out of bounds");
        }
        if (type.equals("array") && schema.containsKey("items")) {
            var items = value.asJsonArray();
            for (int i = 0; i < items.size(); i++) {
                fits(items.get(i), schema.getJsonObject("items"), schemas, at + "[" + i + "]", faults);
            }
        } else if (type.equals("object")) {
            var properties = schema.getJsonObject("properties");
            var additional = schema.get("additionalProperties");
            value.asJsonObject().forEach((member, memberValue) -> {
                if (properties != null && properties.containsKey(member)) {
                    fits(memberValue, properties.getJsonObject(member), schemas, at + "." + member, faults);
                } else if (additional instanceof JsonObject additionalSchema) {
                    fits(memberValue, additionalSchema, schemas, at + "." + member, faults);
                } else if (properties != null) {
                    faults.add(at + ": no member " + member + " in the schema");
                }
            });
        }
    }
}
