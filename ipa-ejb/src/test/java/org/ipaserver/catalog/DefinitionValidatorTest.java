package org.ipaserver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

    private final DefinitionValidator validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());

    @Test
    void theCarLoanSampleIsValid() throws Exception {
        var json = Files.readString(Path.of("../docs/examples/car-loan.json"));
        var report = validator.validate(json);
        assertEquals(java.util.List.of(), report.errors());
        assertTrue(report.valid());
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPath() {
        var report = validator.validate("""
                {
                  "name": "Broken",
                  "startState": "Nowhere",
                  "variables": [
                    { "name": "Amount", "type": "Decimal" },
                    { "name": "Amount", "type": "Integer" },
                    { "name": "Count", "type": "Integer", "initial": "many" },
                    { "name": "Colour", "type": "Color" },
                    { "name": "Secret", "type": "String", "securitySpecification": "Missing" }
                  ],
                  "states": [
                    { "name": "First", "actions": [
                      { "type": "UpdateVariables", "assignments": [
                        { "variable": "Total", "value": "${Amount}" },
                        { "variable": "Count", "value": "${Amount + Unknown}" },
                        { "variable": "Count", "value": "${Amount +}" },
                        { "variable": "Count", "value": "${'word'}" } ] },
                      { "type": "RunTask", "task": "NoSuchTask" },
                      { "type": "Teleport" },
                      { "type": "EndTask" }
                    ]},
                    { "name": "Island", "actions": [] }
                  ],
                  "tasks": [
                    { "name": "T", "actions": [ { "type": "ChangeState", "state": "First" }, { "type": "EndProcess" } ] }
                  ]
                }
                """);
        assertProblem(report, "$.startState", "no state named 'Nowhere'");
        assertProblem(report, "$.variables[1].name", "duplicate variable name 'Amount'");
        assertProblem(report, "$.variables[2].initial", "type mismatch");
        assertProblem(report, "$.variables[3].type", "unknown type 'Color'");
        assertProblem(report, "$.variables[4].securitySpecification", "no security specification named 'Missing'");
        assertProblem(report, "$.states[0].actions[0].assignments[0].variable", "unknown variable 'Total'");
        assertProblem(report, "$.states[0].actions[0].assignments[1].value", "unknown variable 'Unknown'");
        assertProblem(report, "$.states[0].actions[0].assignments[2].value", "does not compile");
        assertProblem(report, "$.states[0].actions[0].assignments[3].value", "type mismatch");
        assertProblem(report, "$.states[0].actions[1].task", "no task named 'NoSuchTask'");
        assertProblem(report, "$.states[0].actions[2].type", "unknown action type 'Teleport'");
        assertProblem(report, "$.states[0].actions[3]", "EndTask ends a task");
        assertProblem(report, "$.tasks[0].actions[0]", "ChangeState is a state-level action");
        assertProblem(report, "$.tasks[0].actions[1]", "EndProcess is a state-level action");
        assertTrue(!report.valid());
    }

    @Test
    void unreachableStatesAreWarningsNotErrors() {
        var report = validator.validate("""
                { "name": "Islands", "startState": "A",
                  "states": [ { "name": "A", "actions": [ { "type": "ChangeState", "state": "B" } ] },
                              { "name": "B" }, { "name": "Island" } ] }
                """);
        assertTrue(report.valid(), report.problems().toString());
        assertEquals(1, report.warnings().size());
        assertProblem(report, "$.states[2]", "unreachable");
    }

    @Test
    void typeMismatchesBetweenExpressionsAndVariablesAreErrors() {
        var report = validator.validate("""
                { "name": "Types", "startState": "S",
                  "variables": [ { "name": "Ratio", "type": "Decimal" }, { "name": "Whole", "type": "Integer" },
                                 { "name": "Flag", "type": "Boolean" }, { "name": "When", "type": "DateTime" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "UpdateVariables", "assignments": [
                      { "variable": "Whole", "value": "${Ratio * 2}" },
                      { "variable": "Flag", "value": "${Whole + 1}" },
                      { "variable": "When", "value": "${now()}" },
                      { "variable": "Ratio", "value": "${Whole / 3}" } ] },
                    { "type": "Decision", "condition": "${Whole}", "then": [] },
                    { "type": "Wait", "duration": "soon" }
                  ]}]}
                """);
        assertProblem(report, "$.states[0].actions[0].assignments[0].value", "Decimal result");
        assertProblem(report, "$.states[0].actions[0].assignments[1].value", "type mismatch");
        assertProblem(report, "$.states[0].actions[1].condition", "type mismatch");
        assertProblem(report, "$.states[0].actions[2].duration", "ISO-8601");
        assertEquals(4, report.errors().size(), report.errors().toString());
    }

    @Test
    void invalidJsonIsOneProblemWithItsPosition() {
        var report = validator.validate("{ \"name\": \"X\", ");
        assertEquals(1, report.problems().size());
        assertProblem(report, "$", "not valid JSON");
    }

    @Test
    void textAfterTheDocumentIsInvalidJson() {
        var report = validator.validate("{ \"name\": \"X\", \"startState\": \"S\", \"states\": [ { \"name\": \"S\" } ] } trailing");
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertProblem(report, "$", "text after the end of the JSON document");
        var published = DefinitionReader.readPublished("{ \"name\": \"X\", \"startState\": \"S\", "
                + "\"states\": [ { \"name\": \"S\" } ] } trailing");
        assertEquals("X", published.definition().name(), "versions published before stay readable");
    }

    @Test
    void initialValuesMustHaveTheJsonTypeOfTheirVariable() {
        var report = validator.validate("""
                { "name": "Initials", "startState": "S", "states": [ { "name": "S" } ],
                  "variables": [ { "name": "Flag", "type": "Boolean", "initial": "false" },
                                 { "name": "Count", "type": "Integer", "initial": "3" },
                                 { "name": "Names", "type": "String", "list": true, "initial": "Ann" },
                                 { "name": "Fine", "type": "Decimal", "initial": 2.5 } ] }
                """);
        assertProblem(report, "$.variables[0].initial", "a JSON string cannot be stored in a Boolean variable: it "
                + "takes true or false");
        assertProblem(report, "$.variables[1].initial", "it takes a whole JSON number");
        assertProblem(report, "$.variables[2].initial", "it takes a JSON array");
        assertEquals(3, report.errors().size(), report.errors().toString());
    }

    @Test
    void namesLongerThanTheColumnsThatHoldThemAreErrors() {
        var longName = "S".repeat(DefinitionValidator.MAX_NAME_LENGTH + 1);
        var report = validator.validate("""
                { "name": "Long", "startState": "%s", "states": [ { "name": "%s" } ],
                  "forms": [ { "name": "F", "category": "%s", "buttons": [ { "name": "%s" } ] } ] }
                """.formatted(longName, longName, longName, longName));
        assertProblem(report, "$.states[0].name", "a state name has at most 128 characters");
        assertProblem(report, "$.forms[0].category", "a category has at most 128 characters");
        assertProblem(report, "$.forms[0].buttons[0].name", "a button name has at most 128 characters");
    }

    @Test
    void aDefinitionNeedsAStartStateAndStates() {
        var report = validator.validate("{ \"name\": \"Empty\" }");
        assertProblem(report, "$.startState", "'startState' is required");
        assertProblem(report, "$.states", "at least one state");
    }

    private static void assertProblem(ValidationReport report, String path, String fragment) {
        assertTrue(report.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(fragment)),
                () -> "expected a problem at " + path + " containing '" + fragment + "' in\n"
                        + String.join("\n", report.problems().stream().map(Problem::toString).toList()));
    }
}
