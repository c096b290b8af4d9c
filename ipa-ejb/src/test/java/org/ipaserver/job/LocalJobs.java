package org.ipaserver.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.ipaserver.action.CallResult;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.store.LocalStore;

/**
 * The job use cases over a local store, each in a transaction of its own, as {@link FlowJobs} runs
 * them in the server: what {@link JobWorkers} drive in tests and the benchmark. Counts the timers
 * that fired, for those who watch.
 */
public final class LocalJobs implements JobStore {

    private final LocalStore store;
    private final FlowEngine engine;
    private final LongAdder fired = new LongAdder();

    public LocalJobs(LocalStore store, FlowEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    /** Timers that resumed their flow. */
    public long fired() {
        return fired.sum();
    }

    @Override
    public List<FlowEngine.Job> claimDue(String kind, int limit, Duration lease) {
        return store.inTransaction(em -> engine.claimDueJobs(em, kind, limit, lease));
    }

    @Override
    public boolean runTimer(String flowId) {
        var resumed = store.inTransaction(em -> engine.resumeTimer(em, flowId));
        if (resumed) {
            fired.increment();
        }
        return resumed;
    }

    @Override
    public void jobFailed(String flowId, String reason, int maxAttempts) {
        store.run(em -> engine.jobFailed(em, flowId, reason, maxAttempts));
    }

    @Override
    public CallRequest prepareCall(String flowId) {
        return store.inTransaction(em -> engine.prepareCall(em, flowId));
    }

    @Override
    public boolean callEnded(CallRequest request, CallResult result) {
        return store.inTransaction(em -> engine.callEnded(em, request.flowId(), request.number(), result));
    }

    @Override
    public void callFailed(CallRequest request, String reason, int maxAttempts) {
        store.run(em -> engine.callFailed(em, request.flowId(), request.number(), reason, maxAttempts));
    }
}
