package org.ipaserver.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.Scope;

/**
 * The whole execution state of one flow: variables, the stack of state/task frames with their
 * positions and loop counters, and the step history. It is what a wait point commits, as one
 * document, and what a restart resumes from.
 */
public final class FlowState {

    /** History beyond this many steps keeps only the newest; the count of dropped ones is kept. */
    static final int HISTORY_LIMIT = 500;

    /** A position in an action list; {@code iteration} counts the passes of a Loop at that index. */
    static final class Cursor {
        final int block;
        int index;
        int iteration;

        Cursor(int block, int index, int iteration) {
            this.block = block;
            this.index = index;
            this.iteration = iteration;
        }

        void advance() {
            index++;
            iteration = 0;
        }
    }

    /** A running state or task: its local variables and nested positions (innermost last). */
    static final class Frame {
        final Scope scope;
        final Map<String, Object> locals;
        final List<Cursor> cursors = new ArrayList<>();

        Frame(Scope scope, Map<String, Object> locals) {
            this.scope = scope;
            this.locals = locals;
        }

        Cursor top() {
            return cursors.isEmpty() ? null : cursors.get(cursors.size() - 1);
        }
    }

    /** One executed action, for the flow's step history, as the API shows it. */
    public record Step(Instant at, String scope, String path, String type, String label) {
    }

    /** One executed action as stored: the time and the action's position; the rest follows from the definition. */
    record StepRef(long atMillis, int block, int index) {
    }

    final Map<String, Object> globals;
    final List<Frame> frames = new ArrayList<>();
    final java.util.ArrayDeque<StepRef> history = new java.util.ArrayDeque<>();
    long historyDropped;
    Instant wakeAt;
    String waitingOn;
    /** The values last written to the reporting table, as JSON text, by variable. */
    final Map<String, String> reported = new java.util.HashMap<>();
    /** The work item the flow waits for, if any. */
    String workItemId;
    /** The external call the flow waits for (number, attempt), if any; numbers count the flow's calls. */
    record PendingCall(int number, int attempt) {
    }

    PendingCall call;
    int calls;
    /** The state entered last; it stays when the flow ends, so an ended flow shows where it ended. */
    String stateName;

    FlowState(Map<String, Object> globals) {
        this.globals = globals;
    }

    static FlowState empty() {
        return new FlowState(new LinkedHashMap<>());
    }

    Frame top() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    void record(StepRef step) {
        if (history.size() >= HISTORY_LIMIT) {
            history.removeFirst();
            historyDropped++;
        }
        history.add(step);
    }

    public Map<String, Object> globals() {
        return java.util.Collections.unmodifiableMap(globals);
    }

    /** The step history, resolved against the definition version the flow runs. */
    public List<Step> history(CompiledProcess process) {
        var steps = new ArrayList<Step>(history.size());
        for (var ref : history) {
            var action = process.block(ref.block()).get(ref.index());
            steps.add(new Step(Instant.ofEpochMilli(ref.atMillis()), process.scopeOfBlock(ref.block()).name(),
                    action.path(), action.type(), action.label()));
        }
        return steps;
    }

    /** When the flow changed state, and to which, as far back as its history goes (see {@link #historyDropped}). */
    public List<StateChange> stateChanges(CompiledProcess process) {
        var changes = new ArrayList<StateChange>();
        for (var ref : history) {
            if (process.block(ref.block()).get(ref.index()) instanceof org.ipaserver.definition.ActionDef.ChangeState to) {
                changes.add(new StateChange(Instant.ofEpochMilli(ref.atMillis()), to.state()));
            }
        }
        return changes;
    }

    public record StateChange(Instant at, String state) {
    }

    public long historyDropped() {
        return historyDropped;
    }

    /** The state the flow is in, or the one it ended in. */
    public String currentState() {
        return stateName;
    }

    public Instant wakeAt() {
        return wakeAt;
    }

    public String waitingOn() {
        return waitingOn;
    }

    public String workItemId() {
        return workItemId;
    }
}
