package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;
import org.junit.jupiter.api.Test;

/** Launch variables must have the JSON type of their variable; each bad one is named. */
class FlowInputsTest {

    @Test
    void launchInputsAreStrictAboutJsonTypes() {
        var process = TestProcesses.compile("""
                { "name": "Typed", "startState": "S",
                  "variables": [ { "name": "Flag", "type": "Boolean" }, { "name": "Count", "type": "Integer" },
                                 { "name": "Name", "type": "String" } ],
                  "states": [ { "name": "S", "actions": [] } ] }
                """);
        var given = new TreeMap<String, JsonValue>(Map.of("Flag", Json.createValue("false"),
                "Count", Json.createValue("7"), "Name", Json.createValue(7)));
        var error = assertThrows(InvalidInput.class, () -> FlowInputs.check(process, given));
        assertEquals(List.of(
                new FieldError("variables.Count", "a JSON string cannot be stored in an Integer variable: it takes a "
                        + "whole JSON number"),
                new FieldError("variables.Flag", "a JSON string cannot be stored in a Boolean variable: it takes true "
                        + "or false"),
                new FieldError("variables.Name", "a JSON number cannot be stored in a String variable: it takes a JSON "
                        + "string")), error.errors());
        assertEquals(Map.of("Flag", false, "Count", 7L), FlowInputs.check(process,
                Map.of("Flag", JsonValue.FALSE, "Count", Json.createValue(7))));
    }

    @Test
    void aLaunchInputLargerThanAFlowMayKeepIsRefused() {
        var process = TestProcesses.compile("""
                { "name": "Big", "startState": "S", "variables": [ { "name": "Text", "type": "String" } ],
                  "states": [ { "name": "S", "actions": [] } ] }
                """);
        var error = assertThrows(InvalidInput.class, () -> FlowInputs.check(process,
                Map.of("Text", Json.createValue("x".repeat(FlowLimits.MAX_TEXT_CHARS + 1)))));
        assertEquals(List.of(new FieldError("variables.Text", "variable 'Text': a text of more than "
                + FlowLimits.MAX_TEXT_CHARS + " characters cannot be stored")), error.errors());
    }
}
