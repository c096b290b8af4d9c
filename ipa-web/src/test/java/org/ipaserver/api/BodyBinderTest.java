package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;
import org.junit.jupiter.api.Test;

/** Request records are bound by JSON-B and judged by Bean Validation, every bad field reported at once. */
class BodyBinderTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static List<FieldError> refused(String body, Class<? extends JsonBody> type) {
        return assertThrows(InvalidInput.class, () -> BodyBinder.bind(json(body), type)).errors();
    }

    @Test
    void aLaunchKeepsItsVariablesAsTheJsonValuesSent() {
        var launch = BodyBinder.bind(json("""
                {"definition": "CarLoan", "version": 2, "variables": {"Done": false, "Amount": 12.5, "Name": "Ann"}}
                """), FlowsResource.LaunchRequest.class);
        assertEquals("CarLoan", launch.definition());
        assertEquals(2, launch.version());
        assertEquals(JsonValue.FALSE, launch.variables().get("Done"));
        assertEquals(Json.createValue("Ann"), launch.variables().get("Name"));
        assertEquals(12.5, ((jakarta.json.JsonNumber) launch.variables().get("Amount")).doubleValue());
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertEquals(List.of(new FieldError("colour", "unknown member"),
                        new FieldError("version", "must be a whole number"),
                        new FieldError("variables", "must be an object of name → value")),
                refused("{\"definition\":\"CarLoan\",\"version\":\"2\",\"variables\":[1],\"colour\":\"red\"}",
                        FlowsResource.LaunchRequest.class));
        assertEquals(List.of(new FieldError("definition", "the name of a published process is required"),
                        new FieldError("version", "must be a positive whole number")),
                refused("{\"definition\":\" \",\"version\":-1}", FlowsResource.LaunchRequest.class));
    }

    @Test
    void jsonTypesAreNotCoerced() {
        assertEquals(List.of(new FieldError("version", "must be a whole number")),
                refused("{\"button\":\"Approve\",\"version\":1.5}", WorkItemsResource.CompleteRequest.class));
        assertEquals(List.of(new FieldError("version", "must be a whole number")),
                refused("{\"definition\":\"CarLoan\",\"version\":99999999999}", FlowsResource.LaunchRequest.class));
        assertEquals(List.of(new FieldError("members", "must be a list of names")),
                refused("{\"members\":[\"ann\",3]}", WorkgroupsResource.WorkgroupChange.class));
        assertEquals(List.of(new FieldError("presence", "must be a string")),
                refused("{\"presence\":true}", UsersResource.PresenceChange.class));
    }

    @Test
    void noBodyIsAnEmptyObjectAndAnArrayIsNoBody() {
        assertNull(BodyBinder.bind(JsonValue.NULL, WorkItemsResource.VersionRequest.class).version());
        assertEquals(List.of(new FieldError("button", "the button pressed is required")),
                refused("{}", WorkItemsResource.CompleteRequest.class));
        assertThrows(ErrorMappers.BadRequest.class, () -> BodyBinder.bind(json("[1]"), FlowsResource.LaunchRequest.class));
        assertEquals(List.of("ann"), BodyBinder.bind(json("{\"members\":[\"ann\"],\"description\":null}"),
                WorkgroupsResource.WorkgroupChange.class).members());
    }
}
