package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.ipaserver.action.Outcome;
import org.junit.jupiter.api.Test;

/** A definition that recurses or grows without bound ends its flow in error, never the server. */
class FlowLimitsTest {

    private final Executor executor = new Executor(TestProcesses.EXPRESSIONS, Clock.systemUTC());

    @Test
    void aTaskCallingItselfWithNoWayOutStopsAtTheTaskDepthLimit() {
        var process = TestProcesses.compile("""
                { "name": "Recurse", "startState": "S",
                  "variables": [ { "name": "Go", "type": "Boolean", "initial": true } ],
                  "states": [ { "name": "S", "actions": [ { "type": "RunTask", "task": "Ping" } ] } ],
                  "tasks": [
                    { "name": "Ping", "actions": [ { "type": "RunTask", "task": "Pong" } ] },
                    { "name": "Pong", "actions": [ { "type": "Decision", "condition": "${Go}",
                        "then": [ { "type": "RunTask", "name": "again", "task": "Ping" } ] } ] } ] }
                """);
        var failed = assertInstanceOf(Outcome.Failed.class, executor.run(process, executor.start(process, Map.of())));
        assertTrue(failed.message().contains("task '"), failed.message());
        assertTrue(failed.message().contains("more than " + FlowLimits.MAX_TASK_DEPTH + " deep"), failed.message());
        assertTrue(failed.path().startsWith("$.tasks["), failed.path());
    }

    @Test
    void aTextDoublingInALoopIsRefusedWhenStored() {
        var process = TestProcesses.compile("""
                { "name": "Grow", "startState": "S",
                  "variables": [ { "name": "T", "type": "String", "initial": "x" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "Loop", "while": "${true}", "maxIterations": 1000, "actions": [
                      { "type": "UpdateVariables", "name": "double", "assignments": [ { "variable": "T", "value": "${T += T}" } ] } ] } ] } ] }
                """);
        var failed = assertInstanceOf(Outcome.Failed.class, executor.run(process, executor.start(process, Map.of())));
        assertEquals("$.states[0].actions[0].actions[0]", failed.path());
        assertEquals("UpdateVariables 'double': variable 'T': a text of more than " + FlowLimits.MAX_TEXT_CHARS
                + " characters cannot be stored", failed.message());
    }

    @Test
    void manyLargeValuesTogetherAreRefusedWhenTheFlowComesToRest() {
        var process = TestProcesses.compile("""
                { "name": "Wide", "startState": "S",
                  "variables": [ { "name": "T", "type": "String", "initial": "x" }, { "name": "U", "type": "String" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "Loop", "while": "${i < 19}", "counter": "i", "actions": [
                      { "type": "UpdateVariables", "assignments": [ { "variable": "T", "value": "${T += T}" } ] } ] },
                    { "type": "Loop", "while": "${j < 9}", "counter": "j", "actions": [
                      { "type": "RunTask", "task": "Keep", "inputs": { "copy": "${T}" } } ] } ],
                    "variables": [ { "name": "i", "type": "Integer" }, { "name": "j", "type": "Integer" } ] } ],
                  "tasks": [ { "name": "Keep", "inputs": [ { "name": "copy", "type": "String" } ], "actions": [
                    { "type": "Wait", "duration": "PT1S" } ] } ] }
                """);
        var state = executor.start(process, Map.of());
        var outcome = executor.run(process, state);
        assertInstanceOf(Outcome.Waiting.class, outcome, "two copies of half a million characters fit");
        process = TestProcesses.compile("""
                { "name": "Wide", "startState": "S",
                  "variables": [ { "name": "T", "type": "String", "initial": "x" },
                                 { "name": "N", "type": "Integer", "initial": 0 } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "Loop", "while": "${N < 19}", "actions": [
                      { "type": "UpdateVariables", "assignments": [ { "variable": "T", "value": "${T += T}" },
                                                                     { "variable": "N", "value": "${N + 1}" } ] } ] },
                    { "type": "RunTask", "task": "Keep", "inputs": { "copy": "${T}" } } ] } ],
                  "tasks": [ { "name": "Keep", "inputs": [ { "name": "copy", "type": "String" } ], "actions": [
                    { "type": "UpdateVariables", "assignments": [ { "variable": "N", "value": "${N + 1}" } ] },
                    { "type": "Decision", "condition": "${N < 28}", "then": [
                      { "type": "RunTask", "task": "Keep", "inputs": { "copy": "${copy}" } } ] },
                    { "type": "Wait", "duration": "PT1S" } ] } ] }
                """);
        var failed = assertInstanceOf(Outcome.Failed.class, executor.run(process, executor.start(process, Map.of())));
        assertTrue(failed.message().startsWith("the flow's variables hold more than " + FlowLimits.MAX_STATE_CHARS
                + " characters"), failed.message());
    }

    @Test
    void launchingCarLoanWithoutAFirstNameIsAFlowErrorAtTheAssignment() throws Exception {
        var process = TestProcesses.compile(Files.readString(Path.of("../docs/examples/car-loan.json")));
        var state = executor.start(process, Map.of("LastName", "Lee", "LoanAmount", BigDecimal.TEN));
        var failed = assertInstanceOf(Outcome.Failed.class, executor.run(process, state));
        assertEquals("$.states[0].actions[0]", failed.path());
        assertTrue(failed.message().startsWith("UpdateVariables 'Complete request': an operand has no value "
                + "(variables with no value here: "), failed.message());
        assertTrue(failed.message().contains("FirstName"), failed.message());
        assertTrue(!failed.message().contains("Lee"), "messages never carry values");
    }

    @Test
    void aComputedRecipientLongerThanAnyNameIsAFlowError() {
        var process = TestProcesses.compile("""
                { "name": "Long", "startState": "S", "variables": [ { "name": "Who", "type": "String" } ],
                  "forms": [ { "name": "F", "buttons": [ { "name": "Ok" } ] } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "SendWorkItemToUser", "form": "F", "user": "${Who}" } ] } ] }
                """);
        var state = executor.start(process, Map.of("Who", "u".repeat(129)));
        var failed = assertInstanceOf(Outcome.Failed.class, executor.run(process, state));
        assertEquals("SendWorkItemToUser: the user to send the work item to is longer than "
                + "128 characters: no user has such a name", failed.message());
    }
}
