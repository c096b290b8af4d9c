package org.ipaserver.flow;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import org.ipaserver.action.Outcome;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.TypedValues;

/**
 * One flow being advanced in a transaction: its definition version, its row, its execution state,
 * and the parent run when it was started by a RunProcess of that transaction.
 */
final class FlowRun {

    final CompiledProcess process;
    final FlowRecord record;
    final FlowState state;
    final FlowRun parent;
    FlowStorage storage;
    Outcome pending;

    FlowRun(CompiledProcess process, FlowRecord record, FlowState state, FlowRun parent) {
        this.process = process;
        this.record = record;
        this.state = state;
        this.parent = parent;
    }

    static FlowRun load(EntityManager em, DefinitionCatalog catalog, FlowRecord record) {
        var process = catalog.find(em, record.definitionName(), record.definitionVersion())
                .orElseThrow(() -> new IllegalStateException("definition " + record.definitionName() + " v"
                        + record.definitionVersion() + " of flow " + record.id() + " is missing"));
        if (record.finalDocument() != null) { // ended: the row holds all, no storage row to read
            return new FlowRun(process, record, StateDocument.read(record.finalDocument(), process), null);
        }
        var storage = em.find(FlowStorage.class, record.id());
        if (storage == null) {
            // the row was read before another transaction ended this flow and removed its storage
            throw new OptimisticLockException("flow " + record.id() + " was moved on at the same time");
        }
        var run = new FlowRun(process, record, StateDocument.read(storage.stateDocument(), process), null);
        run.storage = storage;
        return run;
    }

    /**
     * Writes the state document and the reports it owes: while the flow can still move, into its
     * storage row (one insert or update); once it has ended, into its own row, which is written
     * anyway, and its storage row goes (a flow that ends where it started never had one).
     */
    void save(EntityManager em, Instant now) {
        report(em, now);
        var document = StateDocument.write(state);
        if (record.status().ended()) {
            record.keepFinalDocument(document);
            if (storage != null) {
                em.remove(storage);
                storage = null;
            }
        } else if (storage == null) {
            storage = new FlowStorage(record, document, now);
            em.persist(storage);
        } else {
            storage.update(document, now);
        }
    }

    /** The path of the RunProcess this flow waits at. */
    String runProcessPath() {
        return stepPath();
    }

    /** The path of the action the flow stands at (waits at, or failed at), or its state's when none. */
    String stepPath() {
        var frame = state.top();
        var cursor = frame == null ? null : frame.top();
        if (cursor == null || cursor.index >= process.block(cursor.block).size()) {
            return frame == null ? record.currentState() : frame.scope.path();
        }
        return process.block(cursor.block).get(cursor.index).path();
    }

    /** The external action the flow waits at. */
    org.ipaserver.definition.ActionDef.External externalAction() {
        var cursor = state.top().top();
        return (org.ipaserver.definition.ActionDef.External) process.block(cursor.block).get(cursor.index);
    }

    /** Variables flagged report (and under no security specification) whose value changed since last reported. */
    private void report(EntityManager em, Instant now) {
        for (var variable : process.definition().variables()) {
            if (!variable.report() || variable.securitySpecification() != null) {
                continue;
            }
            var value = state.globals.get(variable.name());
            var text = value == null ? "" : TypedValues.toJson(value).toString();
            if (!text.equals(state.reported.getOrDefault(variable.name(), ""))) {
                state.reported.put(variable.name(), text);
                em.persist(new VariableReport(record, variable.name(), value == null ? null
                        : value instanceof String s ? s : text, now));
            }
        }
    }
}
