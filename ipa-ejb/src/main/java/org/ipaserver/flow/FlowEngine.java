package org.ipaserver.flow;

import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ipaserver.definition.DefinitionCatalog;

/**
 * The flow use cases over one persistence context: launch, resume a due timer, cancel. A flow
 * runs in memory from one wait point to the next; only then are its row and its state document
 * written, so a straight-through flow costs one write per table. The caller owns the transaction.
 */
public final class FlowEngine {

    private final DefinitionCatalog catalog;
    private final Executor executor;
    private final Clock clock;
    private final String storageId;
    private final int depthThreshold;
    private final WorkItemDispatch workItems;

    public FlowEngine(DefinitionCatalog catalog, Clock clock, String storageId, int depthThreshold,
                      WorkItemDispatch workItems) {
        this.catalog = catalog;
        this.workItems = workItems;
        this.executor = new Executor(catalog.expressions(), clock);
        this.clock = clock;
        this.storageId = storageId;
        this.depthThreshold = depthThreshold;
    }

    public String storageId() {
        return storageId;
    }

    /** Starts a flow and runs it to its first wait point or its end; returns its id. */
    public String launch(EntityManager em, String definition, Integer version, Map<String, JsonValue> variables,
                         String launchedBy) {
        var process = catalog.find(em, definition, version)
                .orElseThrow(() -> new FlowExceptions.UnknownDefinition(definition, version));
        var inputs = FlowInputs.check(process, variables);
        var record = new FlowRecord(FlowIds.next(), process, storageId, launchedBy, null, 0,
                clock.instant());
        em.persist(record);
        var run = new FlowRun(process, record, executor.start(process, inputs), null);
        advance(em, run, executor.run(process, run.state));
        return record.id();
    }

    /** Resumes a flow whose timer is due; false when it is not (already resumed, cancelled, not yet due). */
    public boolean resumeTimer(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null || record.status() != FlowStatus.WAITING || record.wakeAt() == null
                || record.wakeAt().isAfter(clock.instant())) {
            return false;
        }
        var run = FlowRun.load(em, catalog, record);
        if (run.state.workItemId != null) {
            workItems.withdraw(em, run.state.workItemId);
            advance(em, run, executor.workItemTimedOut(run.process, run.state));
        } else {
            advance(em, run, executor.run(run.process, run.state));
        }
        return true;
    }

    /**
     * The work item a flow waits for was completed: {@code values} (variable → value, already
     * checked against the form) go to the flow, then the button's exit path runs.
     */
    public void workItemCompleted(EntityManager em, String flowId, String workItemId, String button,
                                  Map<String, Object> values) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null || record.status() != FlowStatus.WAITING) {
            throw new FlowExceptions.FlowEnded(flowId, record == null ? FlowStatus.CANCELLED : record.status());
        }
        var run = FlowRun.load(em, catalog, record);
        if (!workItemId.equals(run.state.workItemId)) {
            throw new IllegalStateException("flow " + flowId + " does not wait for work item " + workItemId);
        }
        advance(em, run, executor.workItemCompleted(run.process, run.state, button, values));
    }

    public void cancel(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        if (record.status().ended()) {
            throw new FlowExceptions.FlowEnded(flowId, record.status());
        }
        cancelTree(em, record);
        if (record.parentFlowId() != null) {
            var parent = em.find(FlowRecord.class, record.parentFlowId());
            if (parent != null && parent.status() == FlowStatus.WAITING) {
                parent.fail("child flow " + flowId + " was cancelled", clock.instant());
            }
        }
    }

    /** The ids of this instance's flows whose timers are due, oldest first. */
    public List<String> dueTimers(EntityManager em, int limit) {
        return em.createQuery("SELECT f.id FROM FlowRecord f WHERE f.status = :status AND f.wakeAt <= :now "
                        + "AND f.storageId = :storage ORDER BY f.wakeAt", String.class)
                .setParameter("status", FlowStatus.WAITING.code()).setParameter("now", clock.instant())
                .setParameter("storage", storageId).setMaxResults(limit).getResultList();
    }

    public FlowView view(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        var run = FlowRun.load(em, catalog, record);
        var end = record.endedAt() != null ? record.endedAt() : clock.instant();
        return new FlowView(record.id(), record.definitionName(), record.definitionVersion(), record.status().code(),
                record.currentState(), record.launchedBy(), record.parentFlowId(), record.startedAt(),
                record.updatedAt(), record.endedAt(), Duration.between(record.startedAt(), end).toMillis(),
                record.waitingOn(), record.wakeAt(), record.errorMessage(), run.state.globals(),
                run.state.history(run.process), run.state.historyDropped(), RelatedInteractions.of(em, flowId), java.util.Set.of());
    }

    /** Runs outcomes until every flow touched (a child, then its waiting parent) is at rest, then writes them. */
    private void advance(EntityManager em, FlowRun run, Outcome outcome) {
        while (run != null) {
            var now = clock.instant();
            FlowRun next = null;
            if (outcome instanceof Outcome.Completed) {
                run.record.update(FlowStatus.COMPLETED, run.state, now);
                em.persist(new FlowCompletion(run.record, now));
                next = resumeParent(em, run);
            } else if (outcome instanceof Outcome.Waiting) {
                run.record.update(FlowStatus.WAITING, run.state, now);
            } else if (outcome instanceof Outcome.Failed failed) {
                run.record.update(FlowStatus.ERROR, run.state, now);
                run.record.fail(failed.path() + ": " + failed.message(), now);
                next = failParent(em, run);
            } else if (outcome instanceof Outcome.WorkItemRequested request) {
                run.state.workItemId = workItems.send(em, run.record, run.process, request);
                run.state.waitingOn = "work item " + run.state.workItemId + " ("
                        + (request.action().toWorkgroup() ? "workgroup " : "user ") + request.recipient() + ")";
                run.record.update(FlowStatus.WAITING, run.state, now);
            } else if (outcome instanceof Outcome.ChildRequested child) {
                run.record.update(FlowStatus.WAITING, run.state, now);
                next = startChild(em, run, child);
            }
            run.save(em, clock.instant());
            if (next == null) {
                return;
            }
            run = next;
            outcome = run.pending;
        }
    }

    private FlowRun startChild(EntityManager em, FlowRun parent, Outcome.ChildRequested request) {
        var action = request.action();
        var process = catalog.find(em, action.process(), action.version());
        String problem = null;
        if (parent.record.depth() + 1 > depthThreshold) {
            problem = "RunProcess: starting '" + action.process() + "' would nest flows " + (parent.record.depth() + 1)
                    + " deep, over PAS_DepthThreshold (" + depthThreshold + ")";
        } else if (process.isEmpty()) {
            problem = "RunProcess: " + new FlowExceptions.UnknownDefinition(action.process(), action.version())
                    .getMessage();
        }
        Map<String, Object> inputs = Map.of();
        if (problem == null) {
            try {
                inputs = FlowInputs.coerce(process.get(), request.inputs());
            } catch (IllegalArgumentException e) {
                problem = "RunProcess: " + e.getMessage();
            }
        }
        if (problem != null) {
            parent.pending = new Outcome.Failed(action.path(), problem);
            return parent;
        }
        var record = new FlowRecord(FlowIds.next(), process.get(), storageId,
                parent.record.launchedBy(), parent.record.id(), parent.record.depth() + 1, clock.instant());
        em.persist(record);
        var child = new FlowRun(process.get(), record, executor.start(process.get(), inputs), parent);
        child.pending = executor.run(child.process, child.state);
        return child;
    }

    private FlowRun resumeParent(EntityManager em, FlowRun child) {
        var parent = parentOf(em, child);
        if (parent != null) {
            parent.pending = executor.childEnded(parent.process, parent.state, child.state.globals());
        }
        return parent;
    }

    private FlowRun failParent(EntityManager em, FlowRun child) {
        var parent = parentOf(em, child);
        if (parent != null) {
            parent.pending = new Outcome.Failed(parent.runProcessPath(), "child flow " + child.record.id()
                    + " failed: " + child.record.errorMessage());
        }
        return parent;
    }

    private FlowRun parentOf(EntityManager em, FlowRun child) {
        if (child.parent != null) {
            return child.parent;
        }
        if (child.record.parentFlowId() == null) {
            return null;
        }
        var record = em.find(FlowRecord.class, child.record.parentFlowId());
        return record == null || record.status() != FlowStatus.WAITING ? null : FlowRun.load(em, catalog, record);
    }

    private void cancelTree(EntityManager em, FlowRecord record) {
        var now = clock.instant();
        var run = FlowRun.load(em, catalog, record);
        if (run.state.workItemId != null) {
            workItems.withdraw(em, run.state.workItemId);
            run.state.workItemId = null;
        }
        run.state.frames.clear();
        record.update(FlowStatus.CANCELLED, run.state, now);
        run.save(em, clock.instant());
        em.persist(new FlowCompletion(record, now));
        var children = em.createQuery("SELECT f FROM FlowRecord f WHERE f.parentFlowId = :id AND f.status IN "
                + ":open", FlowRecord.class).setParameter("id", record.id())
                .setParameter("open", List.of(FlowStatus.RUNNING.code(), FlowStatus.WAITING.code(),
                        FlowStatus.ERROR.code())).getResultList();
        children.forEach(child -> cancelTree(em, child));
    }

}
