package org.ipaserver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.Test;

/** A task that calls itself on every path, with no way out, is refused at publish. */
class TaskRecursionTest {

    private final DefinitionValidator validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());

    private List<Problem> errors(String tasks) {
        return validator.validate("""
                { "name": "Recursion", "startState": "S",
                  "variables": [ { "name": "Go", "type": "Boolean", "initial": false } ],
                  "states": [ { "name": "S", "actions": [ { "type": "RunTask", "task": "A" } ] } ],
                  "tasks": %s }
                """.formatted(tasks)).errors();
    }

    @Test
    void aTaskCallingItselfFirstThingIsAnError() {
        var errors = errors("""
                [ { "name": "A", "actions": [ { "type": "RunTask", "task": "A" }, { "type": "EndTask" } ] } ]""");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("$.tasks[0].actions[0]", errors.get(0).path());
        assertTrue(errors.get(0).message().startsWith("task 'A' always calls itself again (A → A) with no way out"),
                errors.get(0).message());
    }

    @Test
    void aCycleThroughOtherTasksIsAnErrorAtEachCallWithTheCycle() {
        var errors = errors("""
                [ { "name": "A", "actions": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Go", "value": "${true}" } ] },
                                              { "type": "RunTask", "task": "B" } ] },
                  { "name": "B", "actions": [ { "type": "Wait", "duration": "PT1S" }, { "type": "RunTask", "task": "C" } ] },
                  { "name": "C", "actions": [ { "type": "RunTask", "task": "A" } ] } ]""");
        assertEquals(List.of("$.tasks[0].actions[1]", "$.tasks[1].actions[1]", "$.tasks[2].actions[0]"),
                errors.stream().map(Problem::path).toList());
        assertTrue(errors.get(0).message().contains("(A → B → C → A)"), errors.get(0).message());
        assertTrue(errors.get(2).message().contains("(C → A → B → C)"), errors.get(2).message());
    }

    @Test
    void recursionWithAWayOutIsAllowed() {
        assertEquals(List.of(), errors("""
                [ { "name": "A", "actions": [ { "type": "Decision", "condition": "${Go}",
                                                "then": [ { "type": "RunTask", "task": "A" } ] } ] } ]"""));
        assertEquals(List.of(), errors("""
                [ { "name": "A", "actions": [ { "type": "Decision", "condition": "${Go}", "then": [ { "type": "EndTask" } ] },
                                              { "type": "RunTask", "task": "B" } ] },
                  { "name": "B", "actions": [ { "type": "RunTask", "task": "A" } ] } ]"""));
    }
}
