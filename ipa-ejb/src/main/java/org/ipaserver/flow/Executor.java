package org.ipaserver.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipaserver.action.ActionRun;
import org.ipaserver.action.ActionTypes;
import org.ipaserver.action.CallResult;
import org.ipaserver.action.Outcome;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.ProcessDefinition;
import org.ipaserver.definition.Scope;
import org.ipaserver.definition.TaskDef;
import org.ipaserver.expression.ExpressionException;
import org.ipaserver.expression.Expressions;

/**
 * Runs a flow from its current position to the next wait point or its end. It touches no
 * database and keeps no state of its own: everything lives in the {@link FlowState}.
 */
public final class Executor {

    /** Steps one run may take before it is stopped as runaway (a ChangeState cycle without waits). */
    static final int MAX_STEPS_PER_RUN = 1_000_000;
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
                    if (frame.scope instanceof TaskDef) {
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
                var outcome = ActionTypes.run(action, new At(process, state, frame, cursor));
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
        var what = action == null ? "" : ActionTypes.describe(action) + ": ";
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
        var at = atCursor(process, state);
        var run = (ActionDef.RunProcess) at.action();
        try {
            ActionTypes.childEnded(run, childGlobals, at);
        } catch (RuntimeException e) {
            return failed(run.path(), run, e);
        }
        return run(process, state);
    }

    /**
     * The work item of the pending SendWorkItem was completed with {@code button}: the editable
     * field values go to their variables, then the button's exit path runs, then what follows.
     */
    public Outcome workItemCompleted(CompiledProcess process, FlowState state, String button,
                                     Map<String, Object> values) {
        var at = atCursor(process, state);
        var send = (ActionDef.SendWorkItem) at.action();
        try {
            ActionTypes.workItemCompleted(send, button, values, at);
        } catch (RuntimeException e) {
            return failed(send.path(), send, e);
        }
        return run(process, state);
    }

    /** The work item of the pending SendWorkItem timed out: its onTimeout path runs. */
    public Outcome workItemTimedOut(CompiledProcess process, FlowState state) {
        var at = atCursor(process, state);
        ActionTypes.workItemTimedOut((ActionDef.SendWorkItem) at.action(), at);
        return run(process, state);
    }

    /**
     * The external call the flow waits at answered: mapped outputs go to their variables, then the
     * answer's exit path runs (see {@link ActionTypes#callEnded}).
     */
    public Outcome callEnded(CompiledProcess process, FlowState state, CallResult result) {
        var at = atCursor(process, state);
        var action = (ActionDef.External) at.action();
        state.call = null;
        Outcome outcome;
        try {
            outcome = ActionTypes.callEnded(action, result, at);
        } catch (FlowFailure | IllegalArgumentException e) {
            return new Outcome.Failed(action.path(), ActionTypes.describe(action) + ": output " + e.getMessage());
        } catch (RuntimeException e) {
            return failed(action.path(), action, e);
        }
        return outcome != null ? outcome : run(process, state);
    }

    /** The external action the flow waits at, its inputs evaluated anew for another attempt. */
    public Outcome callAgain(CompiledProcess process, FlowState state) {
        var at = atCursor(process, state);
        try {
            return ActionTypes.run(at.action(), at);
        } catch (RuntimeException e) {
            return failed(at.action().path(), at.action(), e);
        }
    }

    private At atCursor(CompiledProcess process, FlowState state) {
        var frame = state.top();
        return new At(process, state, frame, frame.top());
    }

    /** The end of a nested list: back to its owner, which a Loop re-runs and anything else passes. */
    private static void leaveBlock(CompiledProcess process, FlowState.Frame frame) {
        frame.cursors.remove(frame.cursors.size() - 1);
        var owner = frame.top();
        if (owner != null && !ActionTypes.repeats(process.block(owner.block).get(owner.index))) {
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
        var caller = atCursor(process, state);
        ActionTypes.taskReturned((ActionDef.RunTask) caller.action(), task.locals, caller);
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

    /** The flow at one action: what the action may see and do of it. */
    private final class At implements ActionRun {
        private final CompiledProcess process;
        private final FlowState state;
        private final FlowState.Frame frame;
        private final FlowState.Cursor cursor;

        At(CompiledProcess process, FlowState state, FlowState.Frame frame, FlowState.Cursor cursor) {
            this.process = process;
            this.state = state;
            this.frame = frame;
            this.cursor = cursor;
        }

        ActionDef action() {
            return process.block(cursor.block).get(cursor.index);
        }

        @Override
        public ProcessDefinition definition() {
            return process.definition();
        }

        @Override
        public Object evaluate(String text) {
            return variables.evaluate(text, state, frame);
        }

        @Override
        public boolean isTrue(String condition) {
            return variables.isTrue(condition, state, frame);
        }

        @Override
        public void assign(String variable, Object value) {
            variables.assign(process, state, frame, variable, value);
        }

        @Override
        public boolean usesRestricted(String text) {
            return variables.usesRestricted(process, frame, text);
        }

        @Override
        public void advance() {
            cursor.advance();
        }

        @Override
        public void enter(List<ActionDef> branch) {
            enterOrAdvance(process, frame, cursor, branch);
        }

        @Override
        public int iterations() {
            return cursor.iteration;
        }

        @Override
        public void repeat(List<ActionDef> body) {
            cursor.iteration++;
            frame.cursors.add(new FlowState.Cursor(process.blockId(body), 0, 0));
        }

        @Override
        public void runTask(TaskDef task, Map<String, Object> inputs) {
            if (state.frames.size() > FlowLimits.MAX_TASK_DEPTH) {
                throw new FlowFailure("running task '" + task.name() + "' would nest tasks more than "
                        + FlowLimits.MAX_TASK_DEPTH + " deep, the engine's limit (does a task call itself with "
                        + "no way out?)");
            }
            var locals = variables.newLocals(process, task);
            var declared = process.locals(task);
            inputs.forEach((input, value) -> locals.put(input, FlowVariables.convert(value, declared.get(input))));
            push(process, state, task, locals);
        }

        @Override
        public void endTask() {
            returnFromTask(process, state);
        }

        @Override
        public void changeState(String name, Map<String, Object> inputs) {
            state.frames.clear();
            enterState(process, state, name, inputs);
        }

        @Override
        public Outcome endProcess() {
            state.frames.clear();
            return new Outcome.Completed();
        }

        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public Duration duration(String text) {
            return Executor.this.duration(text, state, frame);
        }

        @Override
        public void waitOn(String what, Instant wakeAt) {
            state.waitingOn = what;
            state.wakeAt = wakeAt;
        }

        @Override
        public RuntimeException failure(String message) {
            return new FlowFailure(message);
        }
    }
}
