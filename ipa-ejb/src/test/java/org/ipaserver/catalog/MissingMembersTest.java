package org.ipaserver.catalog;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.Test;

/**
 * Whatever member a definition lacks or gets wrong, validation answers with a report, never an
 * exception (which the API would turn into a 500): every member of every object is removed,
 * set to null and given a value of another JSON type, and every array item nulled and replaced
 * by a number, one at a time.
 */
class MissingMembersTest {

    /** Members without which no definition is valid: removing one must give an error. */
    private static final Set<String> REQUIRED = Set.of("name", "type", "startState", "states", "variable", "task",
            "state", "form", "condition", "when", "process", "handler");

    private static final String WITH_TASKS = """
            { "name": "Tasks", "startState": "S",
              "securitySpecifications": [ { "name": "Private", "users": ["alice"] } ],
              "variables": [ { "name": "A", "type": "Integer", "initial": 1 }, { "name": "B", "type": "String" },
                             { "name": "C", "type": "String", "securitySpecification": "Private" } ],
              "states": [ { "name": "S", "inputs": [ { "name": "in", "type": "Integer" } ],
                            "variables": [ { "name": "l", "type": "Integer" } ], "actions": [
                  { "type": "RunTask", "task": "T", "inputs": { "x": "${A}" }, "outputs": { "y": "B" } },
                  { "type": "Loop", "while": "${l < 2}", "counter": "l", "actions": [ { "type": "Wait", "duration": "PT1S" } ] },
                  { "type": "Select", "cases": [ { "when": "${A > 1}", "actions": [ { "type": "EndProcess" } ] } ] },
                  { "type": "SendWorkItemToUser", "form": "F", "user": "bob", "description": "Check ${B}",
                    "exits": { "Done": [ { "type": "ChangeState", "state": "S", "inputs": { "in": "${A}" } } ] } },
                  { "type": "RunProcess", "process": "Other", "inputs": { "X": "${A}" }, "outputs": { "Y": "B" } },
                  { "type": "RunHandler", "handler": "score", "inputs": { "c": "${C}" }, "outputs": { "o": "B" },
                    "timeout": "PT5S", "securitySpecifications": ["Private"],
                    "exits": { "failure": [ { "type": "EndProcess" } ] } },
                  { "type": "SendEmail", "to": ["${B}", "a@b.example"], "cc": ["${B}"], "bcc": ["${B}"],
                    "subject": "About ${C}", "body": "<p>${A}</p>", "html": true, "timeout": "PT5S",
                    "securitySpecifications": ["Private"], "exits": { "failure": [ { "type": "EndProcess" } ] } } ] } ],
              "tasks": [ { "name": "T", "inputs": [ { "name": "x", "type": "Integer" } ],
                           "outputs": [ { "name": "y", "type": "String" } ], "variables": [ { "name": "z", "type": "Integer" } ],
                           "actions": [ { "type": "Decision", "condition": "${x > 0}",
                                          "then": [ { "type": "RunTask", "task": "U" } ], "else": [ { "type": "EndTask" } ] },
                                        { "type": "UpdateVariables", "assignments": [ { "variable": "y", "value": "${x}" } ] } ] },
                         { "name": "U", "actions": [ { "type": "EndTask" } ] } ],
              "forms": [ { "name": "F", "description": "Form ${A}", "fields": [ { "name": "b", "label": "B", "variable": "B" } ],
                           "buttons": [ { "name": "Done", "label": "Done" } ] } ] }
            """;

    private final DefinitionValidator validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());

    @Test
    void carLoanWithAnyMemberMissingOrWrongGivesAReport() throws Exception {
        everyMutation(Files.readString(Path.of("../docs/examples/car-loan.json")));
    }

    @Test
    void aDefinitionWithTasksAndFormsWithAnyMemberMissingOrWrongGivesAReport() {
        everyMutation(WITH_TASKS);
    }

    @Test
    void aNamelessVariableAndTaskOutputAreReportedWithTheirPaths() {
        var report = validator.validate("""
                { "name": "Nameless", "startState": "S",
                  "variables": [ { "type": "String" } ],
                  "states": [ { "name": "S", "actions": [ { "type": "RunTask", "task": "T", "outputs": { "o": "X" } } ] } ],
                  "tasks": [ { "name": "T", "outputs": [ { "type": "String" } ],
                               "actions": [ { "type": "RunTask", "task": "T" } ] } ] }
                """);
        var paths = report.errors().stream().map(Problem::path).toList();
        org.junit.jupiter.api.Assertions.assertTrue(paths.containsAll(List.of("$.variables[0].name",
                "$.tasks[0].outputs[0].name", "$.tasks[0].actions[0]")), paths.toString());
    }

    private void everyMutation(String json) {
        JsonValue document;
        try (var reader = Json.createReader(new StringReader(json))) {
            document = reader.readValue();
        }
        var paths = new ArrayList<List<Object>>();
        members(document, new ArrayList<>(), paths);
        failures.clear();
        for (var path : paths) {
            if (path.get(path.size() - 1) instanceof Integer) {
                check(document, path, "null item", v -> JsonValue.NULL, false);
                check(document, path, "number item", v -> Json.createValue(7), false);
                continue;
            }
            var member = (String) path.get(path.size() - 1);
            var required = REQUIRED.contains(member) && (!member.equals("name") || namedByName(path));
            check(document, path, "without", null, required);
            check(document, path, "null", v -> JsonValue.NULL, required);
            check(document, path, "wrong type", v -> v.getValueType() == JsonValue.ValueType.NUMBER
                    ? Json.createValue("x") : Json.createValue(7), false);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " mutations failed:\n" + String.join("\n", failures));
        }
    }

    private final List<String> failures = new ArrayList<>();

    /** Actions and Select cases have optional names (labels); everything else is found by its name. */
    private static boolean namedByName(List<Object> path) {
        return path.size() < 3 || !Set.of("actions", "cases", "then", "else", "otherwise", "onTimeout")
                .contains(path.get(path.size() - 3)) && !(path.size() > 4 && "exits".equals(path.get(path.size() - 4)));
    }

    private void check(JsonValue document, List<Object> path, String how, UnaryOperator<JsonValue> change,
                       boolean mustFail) {
        var mutated = mutate(document, path, 0, change).toString();
        ValidationReport report;
        try {
            report = validator.validate(mutated);
        } catch (RuntimeException e) {
            failures.add(how + " " + path + ": " + e + " at " + e.getStackTrace()[0]);
            return;
        }
        if (mustFail && report.valid()) {
            failures.add(how + " " + path + ": valid, but must be an error");
        }
    }

    /** Paths (array indexes and member names) of every object member and array item. */
    private static void members(JsonValue value, List<Object> at, List<List<Object>> paths) {
        if (value instanceof JsonObject object) {
            object.forEach((name, member) -> {
                var path = new ArrayList<>(at);
                path.add(name);
                paths.add(path);
                members(member, path, paths);
            });
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                var path = new ArrayList<>(at);
                path.add(i);
                paths.add(path);
                members(array.get(i), path, paths);
            }
        }
    }

    /** The document with the member at path removed (change null) or changed. */
    private static JsonValue mutate(JsonValue value, List<Object> path, int depth, UnaryOperator<JsonValue> change) {
        var step = path.get(depth);
        var last = depth == path.size() - 1;
        if (value instanceof JsonObject object) {
            var builder = Json.createObjectBuilder(object);
            var name = (String) step;
            if (last && change == null) {
                builder.remove(name);
            } else {
                builder.add(name, last ? change.apply(object.get(name)) : mutate(object.get(name), path, depth + 1, change));
            }
            return builder.build();
        }
        var array = (JsonArray) value;
        var builder = Json.createArrayBuilder(array);
        int index = (Integer) step;
        builder.set(index, last ? change.apply(array.get(index)) : mutate(array.get(index), path, depth + 1, change));
        return builder.build();
    }
}
