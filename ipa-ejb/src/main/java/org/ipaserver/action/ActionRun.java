package org.ipaserver.action;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.ProcessDefinition;
import org.ipaserver.definition.TaskDef;

/**
 * The flow at the action being run: its variables, its cursor and its wait points. The engine's
 * executor implements it; an action sees nothing else of the flow.
 */
public interface ActionRun {

    ProcessDefinition definition();

    /** Evaluates an expression (or template) over the variables the action sees. */
    Object evaluate(String text);

    boolean isTrue(String condition);

    /** Stores a value in a variable the action sees, converted to its type. */
    void assign(String variable, Object value);

    /** Whether a text names a variable under a security specification. */
    boolean usesRestricted(String text);

    /** Goes on after this action. */
    void advance();

    /** Runs the branch and then goes on after this action (an empty branch: goes on at once). */
    void enter(List<ActionDef> branch);

    /** How often this action's nested list ran (a Loop's iterations). */
    int iterations();

    /** Runs the nested list once more (a Loop's body). */
    void repeat(List<ActionDef> body);

    /** Runs a task with these input values; the engine bounds how deep tasks nest. */
    void runTask(TaskDef task, Map<String, Object> inputs);

    /** Ends the innermost task: its caller's RunTask takes its outputs. */
    void endTask();

    /** Leaves the state (and every task in it) for another one. */
    void changeState(String state, Map<String, Object> inputs);

    /** Ends the flow. */
    Outcome endProcess();

    Instant now();

    /** An ISO-8601 duration or a number of seconds, given literally or by an expression. */
    Duration duration(String text);

    /** Records what the flow waits on (shown with it) and when it wakes (null: no timer). */
    void waitOn(String what, Instant wakeAt);

    /** An error of the flow at this action: its message carries no values. */
    RuntimeException failure(String message);
}
