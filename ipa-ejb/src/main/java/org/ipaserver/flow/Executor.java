package org.ipaserver.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.Scope;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableType;
import org.ipaserver.expression.ExpressionException;
import org.ipaserver.expression.Expressions;

/**
 * Runs a flow from its current position to the next wait point or its end. It touches no
 * database and keeps no state of its own: everything lives in the {@link FlowState}.
 */
public final class Executor {

    /** Steps one run may take before it is stopped as runaway (a ChangeState cycle without waits). */
    static final int MAX_STEPS_PER_RUN = 1_000_000;
    /** User and workgroup names are at most this long (the work-item columns that hold them). */
    static final int MAX_RECIPIENT_LENGTH = 128;
    private static final Logger LOG = Logger.getLogger(Executor.class.getName());

    private final FlowVariables variables;
    private final Clock clock;

    public Executor(Expressions expressions, Clock clock) {
        this.variables = new FlowVariables(expressions);
        this.clock = clock;
    }

    /** A new flow positioned at the start state; {@code inputs} are already checked global values. */
    public FlowState start(CompiledProcess process, Map<String, Object> inputs) {
        var globals = new LinkedHashMap<String, Object>();
        for (var variable : process.definition().variables()) {
            globals.put(variable.name(), FlowVariables.initial(variable));
        }
        globals.putAll(inputs);
        var state = new FlowState(globals);
        enterState(process, state, process.definition().startState(), Map.of());
        return state;
    }

    public Outcome run(CompiledProcess process, FlowState state) {
        state.wakeAt = null;
        state.waitingOn = null;
        state.workItemId = null;
        var outcome = steps(process, state);
        if (outcome instanceof Outcome.Failed) {
            return outcome;
        }
        var tooLarge = FlowLimits.stateTooLarge(state);
        return tooLarge == null ? outcome : new Outcome.Failed(position(process, state), tooLarge);
    }

    private Outcome steps(CompiledProcess process, FlowState state) {
        for (int steps = 0; steps < MAX_STEPS_PER_RUN; steps++) {
            var frame = state.top();
            if (frame == null) {
                return new Outcome.Completed();
            }
            var cursor = frame.top();
            ActionDef action = null;
            try {
                if (cursor == null) {
                    if (frame.scope instanceof org.ipaserver.definition.TaskDef) {
                        action = callerAction(process, state);
                        returnFromTask(process, state);
                        continue;
                    }
                    state.frames.clear(); // a state that runs out of actions ends the process
                    return new Outcome.Completed();
                }
                var block = process.block(cursor.block);
                if (cursor.index >= block.size()) {
                    leaveBlock(process, frame);
                    continue;
                }
                action = block.get(cursor.index);
                state.record(new FlowState.StepRef(clock.millis(), cursor.block, cursor.index));
                var outcome = step(process, state, frame, cursor, action);
                if (outcome != null) {
                    return outcome;
                }
            } catch (RuntimeException e) {
                return failed(action == null ? frame.scope.path() : action.path(), action, e);
            }
        }
        return new Outcome.Failed(position(process, state), "more than " + MAX_STEPS_PER_RUN + " actions without "
                + "a wait point: the flow is looping (check ChangeState cycles and Loop conditions)");
    }

    /**
     * Any exception of an action becomes a flow error, never one escaping the engine. Our own
     * exceptions carry messages without values; anything else is named by its class only.
     */
    private static Outcome.Failed failed(String path, ActionDef action, RuntimeException e) {
        var what = action == null ? "" : action.type() + failureLabel(action) + ": ";
        if (e instanceof FlowFailure || e instanceof ExpressionException || e instanceof IllegalArgumentException) {
            return new Outcome.Failed(path, what + e.getMessage());
        }
        LOG.log(Level.WARNING, "Action at {0} failed unexpectedly: {1}", new Object[] {path, e.getClass().getName()});
        return new Outcome.Failed(path, what + "failed unexpectedly (" + e.getClass().getSimpleName() + ")");
    }

    /** The path of the action the flow stands at, else of its scope, else the document's. */
    private static String position(CompiledProcess process, FlowState state) {
        var frame = state.top();
        if (frame == null) {
            return "$";
        }
        var cursor = frame.top();
        if (cursor == null) {
            return frame.scope.path();
        }
        var block = process.block(cursor.block);
        return cursor.index < block.size() ? block.get(cursor.index).path() : frame.scope.path();
    }

    private static ActionDef callerAction(CompiledProcess process, FlowState state) {
        var caller = state.frames.get(state.frames.size() - 2).top();
        return process.block(caller.block).get(caller.index);
    }

    /** The child flow of the pending RunProcess ended: map its outputs back and go on. */
    public Outcome childEnded(CompiledProcess process, FlowState state, Map<String, Object> childGlobals) {
        var frame = state.top();
        var cursor = frame.top();
        var run = (ActionDef.RunProcess) process.block(cursor.block).get(cursor.index);
        try {
            run.outputs().forEach((childVariable, target) ->
                    variables.assign(process, state, frame, target, childGlobals.get(childVariable)));
        } catch (RuntimeException e) {
            return failed(run.path(), run, e);
        }
        cursor.advance();
        return run(process, state);
    }

    /**
     * The work item of the pending SendWorkItem was completed with {@code button}: the editable
     * field values go to their variables, then the button's exit path runs, then what follows.
     */
    public Outcome workItemCompleted(CompiledProcess process, FlowState state, String button,
                                     Map<String, Object> values) {
        var frame = state.top();
        var cursor = frame.top();
        var send = (ActionDef.SendWorkItem) process.block(cursor.block).get(cursor.index);
        try {
            values.forEach((variable, value) -> variables.assign(process, state, frame, variable, value));
        } catch (RuntimeException e) {
            return failed(send.path(), send, e);
        }
        enterOrAdvance(process, frame, cursor, send.exits().getOrDefault(button, List.of()));
        return run(process, state);
    }

    /** The work item of the pending SendWorkItem timed out: its onTimeout path runs. */
    public Outcome workItemTimedOut(CompiledProcess process, FlowState state) {
        var frame = state.top();
        var cursor = frame.top();
        var send = (ActionDef.SendWorkItem) process.block(cursor.block).get(cursor.index);
        enterOrAdvance(process, frame, cursor, send.onTimeout());
        return run(process, state);
    }

    /**
     * The external call the flow waits at answered: mapped outputs go to their variables, then the
     * answer's exit path runs. An exit the action does not handle is an error of the flow, except
     * success, which goes on after the action.
     */
    public Outcome callEnded(CompiledProcess process, FlowState state, CallResult result) {
        var frame = state.top();
        var cursor = frame.top();
        var action = (ActionDef.External) process.block(cursor.block).get(cursor.index);
        state.call = null;
        try {
            for (var output : action.outputs().entrySet()) {
                if (result.outputs().containsKey(output.getKey())) {
                    variables.assign(process, state, frame, output.getValue(), result.outputs().get(output.getKey()));
                }
            }
        } catch (FlowFailure | IllegalArgumentException e) {
            return new Outcome.Failed(action.path(), action.type() + failureLabel(action) + ": output "
                    + e.getMessage());
        } catch (RuntimeException e) {
            return failed(action.path(), action, e);
        }
        var branch = action.exits().get(result.exit());
        if (branch == null && !CallResult.SUCCESS.equals(result.exit())) {
            return new Outcome.Failed(action.path(), action.type() + failureLabel(action) + " ended on exit '"
                    + result.exit() + "'" + (result.message() == null ? "" : " (" + result.message() + ")")
                    + ", which the action has no exit path for");
        }
        enterOrAdvance(process, frame, cursor, branch == null ? List.of() : branch);
        return run(process, state);
    }

    /** The external action the flow waits at, its inputs evaluated anew for another attempt. */
    public Outcome callAgain(CompiledProcess process, FlowState state) {
        var frame = state.top();
        var cursor = frame.top();
        var action = process.block(cursor.block).get(cursor.index);
        try {
            return step(process, state, frame, cursor, action);
        } catch (RuntimeException e) {
            return failed(action.path(), action, e);
        }
    }

    /** Executes one action; null means go on with the next step. */
    private Outcome step(CompiledProcess process, FlowState state, FlowState.Frame frame, FlowState.Cursor cursor,
                         ActionDef action) {
        if (action instanceof ActionDef.UpdateVariables update) {
            var values = new HashMap<String, Object>();
            for (var assignment : update.assignments()) {
                values.put(assignment.variable(), variables.evaluate(assignment.value(), state, frame));
            }
            values.forEach((name, value) -> variables.assign(process, state, frame, name, value));
            cursor.advance();
        } else if (action instanceof ActionDef.Decision decision) {
            var branch = variables.isTrue(decision.condition(), state, frame) ? decision.then() : decision.otherwise();
            enterOrAdvance(process, frame, cursor, branch);
        } else if (action instanceof ActionDef.Select select) {
            var branch = select.otherwise();
            for (var option : select.cases()) {
                if (variables.isTrue(option.when(), state, frame)) {
                    branch = option.actions();
                    break;
                }
            }
            enterOrAdvance(process, frame, cursor, branch);
        } else if (action instanceof ActionDef.Loop loop) {
            loop(process, state, frame, cursor, loop);
        } else if (action instanceof ActionDef.RunTask run) {
            var task = process.definition().task(run.task()).orElseThrow();
            if (state.frames.size() > FlowLimits.MAX_TASK_DEPTH) {
                throw new FlowFailure("running task '" + run.task() + "' would nest tasks more than "
                        + FlowLimits.MAX_TASK_DEPTH + " deep, the engine's limit (does a task call itself with "
                        + "no way out?)");
            }
            var locals = variables.newLocals(process, task);
            for (var input : run.inputs().entrySet()) {
                var declared = process.locals(task).get(input.getKey());
                locals.put(input.getKey(), FlowVariables.convert(variables.evaluate(input.getValue(), state, frame), declared));
            }
            push(process, state, task, locals);
        } else if (action instanceof ActionDef.EndTask) {
            returnFromTask(process, state);
        } else if (action instanceof ActionDef.ChangeState change) {
            var inputs = new HashMap<String, Object>();
            change.inputs().forEach((name, text) -> inputs.put(name, variables.evaluate(text, state, frame)));
            state.frames.clear();
            enterState(process, state, change.state(), inputs);
        } else if (action instanceof ActionDef.EndProcess) {
            state.frames.clear();
            return new Outcome.Completed();
        } else if (action instanceof ActionDef.RunProcess run) {
            var inputs = new LinkedHashMap<String, Object>();
            run.inputs().forEach((name, text) -> inputs.put(name, variables.evaluate(text, state, frame)));
            state.waitingOn = "flow of " + run.process();
            return new Outcome.ChildRequested(run, inputs);
        } else if (action instanceof ActionDef.Wait wait) {
            state.wakeAt = wakeAt(wait.until(), wait.duration(), state, frame);
            state.waitingOn = "timer";
            cursor.advance();
            return new Outcome.Waiting(state.wakeAt);
        } else if (action instanceof ActionDef.SendWorkItem send) {
            return sendWorkItem(process, state, frame, send);
        } else if (action instanceof ActionDef.External external) {
            var inputs = new LinkedHashMap<String, Object>();
            external.inputs().forEach((name, text) -> inputs.put(name, variables.evaluate(text, state, frame)));
            var timeout = external.timeout() == null ? null : duration(external.timeout(), state, frame);
            return new Outcome.CallRequested(external, inputs, timeout);
        }
        return null;
    }

    private void loop(CompiledProcess process, FlowState state, FlowState.Frame frame, FlowState.Cursor cursor,
                      ActionDef.Loop loop) {
        if (loop.counter() != null) {
            variables.assign(process, state, frame, loop.counter(), (long) cursor.iteration);
        }
        if (!variables.isTrue(loop.condition(), state, frame)) {
            cursor.advance();
            return;
        }
        if (cursor.iteration >= loop.maxIterations()) {
            throw new FlowFailure("the loop ran " + loop.maxIterations() + " times (its maxIterations) and its "
                    + "condition still holds");
        }
        cursor.iteration++;
        frame.cursors.add(new FlowState.Cursor(process.blockId(loop.actions()), 0, 0));
    }

    /** The end of a nested list: back to its owner, which a Loop re-runs and anything else passes. */
    private static void leaveBlock(CompiledProcess process, FlowState.Frame frame) {
        frame.cursors.remove(frame.cursors.size() - 1);
        var owner = frame.top();
        if (owner != null && !(process.block(owner.block).get(owner.index) instanceof ActionDef.Loop)) {
            owner.advance();
        }
    }

    private static void enterOrAdvance(CompiledProcess process, FlowState.Frame frame, FlowState.Cursor cursor,
                                       List<ActionDef> branch) {
        if (branch.isEmpty()) {
            cursor.advance();
        } else {
            frame.cursors.add(new FlowState.Cursor(process.blockId(branch), 0, 0));
        }
    }

    private void enterState(CompiledProcess process, FlowState state, String name, Map<String, Object> inputs) {
        var target = process.definition().state(name).orElseThrow(() -> new FlowFailure("no state named " + name));
        var locals = variables.newLocals(process, target);
        inputs.forEach((input, value) -> locals.put(input, FlowVariables.convert(value, process.locals(target).get(input))));
        push(process, state, target, locals);
        state.stateName = name;
    }

    private static void push(CompiledProcess process, FlowState state, Scope scope, Map<String, Object> locals) {
        var frame = new FlowState.Frame(scope, locals);
        frame.cursors.add(new FlowState.Cursor(process.blockId(scope.actions()), 0, 0));
        state.frames.add(frame);
    }

    /** Ends the innermost task: its outputs go to the caller's variables, the caller's RunTask is done. */
    private void returnFromTask(CompiledProcess process, FlowState state) {
        var task = state.frames.remove(state.frames.size() - 1);
        var caller = state.top();
        var cursor = caller.top();
        var run = (ActionDef.RunTask) process.block(cursor.block).get(cursor.index);
        run.outputs().forEach((output, target) -> variables.assign(process, state, caller, target, task.locals.get(output)));
        cursor.advance();
    }

    private Outcome sendWorkItem(CompiledProcess process, FlowState state, FlowState.Frame frame,
                                 ActionDef.SendWorkItem send) {
        var recipientText = send.toWorkgroup() ? send.workgroup() : send.user();
        var recipient = variables.evaluate(recipientText, state, frame);
        var whom = send.toWorkgroup() ? "workgroup" : "user";
        if (recipient == null || recipient.toString().isBlank()) {
            throw new FlowFailure("the " + whom + " to send the work item to has no value");
        }
        if (recipient.toString().strip().length() > MAX_RECIPIENT_LENGTH) {
            throw new FlowFailure("the " + whom + " to send the work item to is longer than " + MAX_RECIPIENT_LENGTH
                    + " characters: no " + whom + " has such a name");
        }
        var form = process.definition().forms().stream().filter(f -> f.name().equals(send.form())).findFirst()
                .orElseThrow();
        var descriptionText = send.description() != null ? send.description() : form.description();
        var description = descriptionText == null || variables.usesRestricted(process, frame, descriptionText)
                ? form.name() : String.valueOf(variables.evaluate(descriptionText, state, frame));
        var deadline = send.timeout() == null ? null : wakeAt(null, send.timeout(), state, frame);
        state.wakeAt = deadline;
        state.waitingOn = "work item";
        return new Outcome.WorkItemRequested(send, recipient.toString().strip(), description, deadline);
    }

    private Instant wakeAt(String untilText, String durationText, FlowState state, FlowState.Frame frame) {
        var now = clock.instant();
        if (untilText != null) {
            var until = TypedValues.coerce(variables.evaluate(untilText, state, frame), VariableType.DATETIME);
            if (until == null) {
                throw new FlowFailure("'until' has no value");
            }
            return (Instant) until;
        }
        return now.plus(duration(durationText, state, frame));
    }

    /** An ISO-8601 duration, or a number of seconds, given literally or by an expression. */
    private Duration duration(String durationText, FlowState state, FlowState.Frame frame) {
        var value = variables.evaluate(durationText, state, frame);
        Duration duration;
        if (value instanceof Number seconds) {
            duration = Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
        } else if (value != null) {
            try {
                duration = Duration.parse(value.toString().strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new FlowFailure("the duration is not ISO-8601 (PT30S) nor a number of seconds");
            }
        } else {
            throw new FlowFailure("the duration has no value");
        }
        if (duration.isNegative()) {
            throw new FlowFailure("the duration is negative");
        }
        return duration;
    }

    private static String failureLabel(ActionDef action) {
        return action.label() == null ? "" : " '" + action.label() + "'";
    }
}
