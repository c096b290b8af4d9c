package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.ipaserver.action.Outcome;
import org.junit.jupiter.api.Test;

class ExecutorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final Executor executor = new Executor(TestProcesses.EXPRESSIONS, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void runsStraightThroughStatesTasksAndBranches() {
        var process = TestProcesses.compile("""
                { "name": "Straight", "startState": "A",
                  "variables": [ { "name": "N", "type": "Integer", "initial": 2 }, { "name": "Out", "type": "String" },
                                 { "name": "Sum", "type": "Decimal", "initial": 0 } ],
                  "states": [
                    { "name": "A", "actions": [
                      { "type": "RunTask", "task": "Double", "inputs": { "x": "${N}" }, "outputs": { "y": "N" } },
                      { "type": "Decision", "condition": "${N == 4}",
                        "then": [ { "type": "ChangeState", "state": "B", "inputs": { "label": "four" } } ],
                        "else": [ { "type": "EndProcess" } ] } ] },
                    { "name": "B", "inputs": [ { "name": "label", "type": "String" } ], "actions": [
                      { "type": "Loop", "while": "${i < N}", "counter": "i", "actions": [
                        { "type": "UpdateVariables", "assignments": [ { "variable": "Sum", "value": "${Sum + i}" } ] } ] },
                      { "type": "Select", "cases": [
                          { "when": "${Sum > 100}", "actions": [ { "type": "UpdateVariables", "assignments": [
                            { "variable": "Out", "value": "big" } ] } ] } ],
                        "otherwise": [ { "type": "UpdateVariables", "assignments": [
                            { "variable": "Out", "value": "${label}:${Sum}" } ] } ] } ],
                      "variables": [ { "name": "i", "type": "Integer" } ] }
                  ],
                  "tasks": [ { "name": "Double", "inputs": [ { "name": "x", "type": "Integer" } ],
                               "outputs": [ { "name": "y", "type": "Integer" } ],
                               "actions": [ { "type": "RunTask", "task": "Inc", "inputs": { "v": "${x * 2}" },
                                              "outputs": { "w": "y" } } ] },
                             { "name": "Inc", "inputs": [ { "name": "v", "type": "Integer" } ],
                               "outputs": [ { "name": "w", "type": "Integer" } ],
                               "actions": [ { "type": "UpdateVariables", "assignments": [ { "variable": "w", "value": "${v}" } ] },
                                            { "type": "EndTask" },
                                            { "type": "UpdateVariables", "assignments": [ { "variable": "w", "value": "${-1}" } ] } ] } ]
                }
                """);
        var state = executor.start(process, Map.of());
        var outcome = executor.run(process, state);
        assertInstanceOf(Outcome.Completed.class, outcome);
        assertEquals(4L, state.globals().get("N"));
        assertEquals(new BigDecimal("6"), state.globals().get("Sum"));
        assertEquals("four:6", state.globals().get("Out"));
        assertEquals("B", state.currentState(), "an ended flow shows the state it ended in");
        var history = state.history(process);
        assertTrue(history.size() > 10);
        assertEquals("A", history.get(0).scope());
        assertEquals("$.states[0].actions[0]", history.get(0).path());
        assertEquals("RunTask", history.get(0).type());
        assertEquals("Inc", history.get(2).scope(), "steps of a nested task name that task");
    }

    @Test
    void waitsOnATimerAndResumesFromItsDocument() {
        var process = TestProcesses.compile("""
                { "name": "Timer", "startState": "S",
                  "variables": [ { "name": "Step", "type": "Integer", "initial": 0 } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "Loop", "while": "${Step < 3}", "actions": [
                      { "type": "UpdateVariables", "assignments": [ { "variable": "Step", "value": "${Step + 1}" } ] },
                      { "type": "Decision", "condition": "${Step == 2}", "then": [ { "type": "Wait", "duration": "PT90S" } ] } ] },
                    { "type": "EndProcess" } ] } ] }
                """);
        var state = executor.start(process, Map.of());
        var outcome = executor.run(process, state);
        assertEquals(new Outcome.Waiting(T0.plus(Duration.ofSeconds(90))), outcome);
        assertEquals("timer", state.waitingOn());

        var restored = StateDocument.read(StateDocument.write(state), process);
        assertEquals(StateDocument.write(state), StateDocument.write(restored));
        assertInstanceOf(Outcome.Completed.class, executor.run(process, restored));
        assertEquals(3L, restored.globals().get("Step"));
    }

    @Test
    void aLoopBeyondItsBoundPutsTheFlowInErrorAtTheLoop() {
        var process = TestProcesses.compile("""
                { "name": "Forever", "startState": "S", "variables": [ { "name": "X", "type": "Integer", "initial": 0 } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "Loop", "name": "spin", "while": "${true}", "maxIterations": 50, "actions": [
                      { "type": "UpdateVariables", "assignments": [ { "variable": "X", "value": "${X + 1}" } ] } ] } ] } ] }
                """);
        var outcome = (Outcome.Failed) executor.run(process, executor.start(process, Map.of()));
        assertEquals("$.states[0].actions[0]", outcome.path());
        assertTrue(outcome.message().startsWith("Loop 'spin': the loop ran 50 times"), outcome.message());
    }

    @Test
    void nullInArithmeticAndBadConversionsAreFlowErrorsWithoutValues() {
        var process = TestProcesses.compile("""
                { "name": "Errors", "startState": "S",
                  "variables": [ { "name": "A", "type": "Integer" }, { "name": "Code", "type": "String" },
                                 { "name": "N", "type": "Integer" }, { "name": "Mail", "type": "Mailbox" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "Decision", "condition": "${empty Code}",
                      "then": [ { "type": "UpdateVariables", "assignments": [ { "variable": "N", "value": "${A + 1}" } ] } ],
                      "else": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Mail", "value": "${Code}" } ] } ] } ] } ] }
                """);
        var nullCase = (Outcome.Failed) executor.run(process, executor.start(process, Map.of()));
        assertEquals("$.states[0].actions[0].then[0]", nullCase.path());
        assertTrue(nullCase.message().contains("variable 'A' has no value"), nullCase.message());

        var badCase = (Outcome.Failed) executor.run(process, executor.start(process, Map.of("Code", "XJ-secret-9")));
        assertEquals("$.states[0].actions[0].else[0]", badCase.path());
        assertTrue(badCase.message().contains("variable 'Mail'"), badCase.message());
        assertFalse(badCase.message().contains("XJ-secret-9"), badCase.message());
    }

    @Test
    void aChangeStateCycleWithoutWaitsIsStoppedAsRunaway() {
        var process = TestProcesses.compile("""
                { "name": "PingPong", "startState": "Ping",
                  "states": [ { "name": "Ping", "actions": [ { "type": "ChangeState", "state": "Pong" } ] },
                              { "name": "Pong", "actions": [ { "type": "ChangeState", "state": "Ping" } ] } ] }
                """);
        var outcome = (Outcome.Failed) executor.run(process, executor.start(process, Map.of()));
        assertTrue(outcome.message().contains("without a wait point"), outcome.message());
    }

    @Test
    void runProcessAsksForAChildAndMapsItsOutputsBack() {
        var process = TestProcesses.compile("""
                { "name": "Parent", "startState": "S",
                  "variables": [ { "name": "Amount", "type": "Decimal", "initial": 10 }, { "name": "Score", "type": "Integer" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "RunProcess", "process": "Child", "inputs": { "In": "${Amount * 2}" }, "outputs": { "Out": "Score" } },
                    { "type": "UpdateVariables", "assignments": [ { "variable": "Score", "value": "${Score + 1}" } ] } ] } ] }
                """);
        var state = executor.start(process, Map.of());
        var request = (Outcome.ChildRequested) executor.run(process, state);
        assertEquals("Child", request.action().process());
        assertEquals(new BigDecimal("20"), request.inputs().get("In"));

        var outcome = executor.childEnded(process, state, Map.of("Out", 41L));
        assertInstanceOf(Outcome.Completed.class, outcome);
        assertEquals(42L, state.globals().get("Score"));
    }

    @Test
    void waitsUntilAGivenTime() {
        var process = TestProcesses.compile("""
                { "name": "Until", "startState": "S", "variables": [ { "name": "Due", "type": "DateTime" } ],
                  "states": [ { "name": "S", "actions": [ { "type": "Wait", "until": "${addDays(Due, 1)}" } ] } ] }
                """);
        var state = executor.start(process, Map.of("Due", T0));
        assertEquals(new Outcome.Waiting(T0.plus(Duration.ofDays(1))), executor.run(process, state));
    }

    @Test
    void aDescriptionOverARestrictedVariableInAnOlderVersionShowsTheFormNameInstead() {
        // validation now refuses this definition; versions published before still run
        var definition = org.ipaserver.catalog.DefinitionReader.read("""
                { "name": "Old", "startState": "S",
                  "securitySpecifications": [ { "name": "Private", "users": ["alice"] } ],
                  "variables": [ { "name": "Ssn", "type": "String", "securitySpecification": "Private" } ],
                  "forms": [ { "name": "Check", "buttons": [ { "name": "Ok" } ] } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "SendWorkItemToUser", "form": "Check", "user": "bob", "description": "SSN ${Ssn}" } ] } ] }
                """).definition();
        var process = new org.ipaserver.definition.CompiledProcess(definition, 1);
        var outcome = executor.run(process, executor.start(process, Map.of("Ssn", "123-45-6789")));
        assertEquals("Check", assertInstanceOf(Outcome.WorkItemRequested.class, outcome).description());
    }
}
