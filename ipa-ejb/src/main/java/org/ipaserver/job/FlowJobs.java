package org.ipaserver.job;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ipaserver.action.CallResult;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.FlowEngine;

/** The job use cases, each in a transaction of its own, so that one job's failure touches no other. */
@Stateless
@LocalBean
@Local(JobStore.class)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FlowJobs implements JobStore {

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Inject
    FlowEngine engine;

    @Override
    public List<FlowEngine.Job> claimDue(String kind, int limit, Duration lease) {
        return engine().claimDueJobs(em, kind, limit, lease);
    }

    @Override
    public boolean runTimer(String flowId) {
        return engine().resumeTimer(em, flowId);
    }

    @Override
    public void jobFailed(String flowId, String reason, int maxAttempts) {
        engine().jobFailed(em, flowId, reason, maxAttempts);
    }

    @Override
    public CallRequest prepareCall(String flowId) {
        return engine().prepareCall(em, flowId);
    }

    @Override
    public boolean callEnded(CallRequest request, CallResult result) {
        return engine().callEnded(em, request.flowId(), request.number(), result);
    }

    @Override
    public void callFailed(CallRequest request, String reason, int maxAttempts) {
        engine().callFailed(em, request.flowId(), request.number(), reason, maxAttempts);
    }

    public int restoreCalls(Instant startedAt) {
        return engine().restoreCalls(em, startedAt);
    }

    public long overdueAt(Instant instant) {
        return engine().overdueAt(em, instant);
    }

    private FlowEngine engine() {
        return engine;
    }
}
