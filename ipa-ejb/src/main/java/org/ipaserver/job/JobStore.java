package org.ipaserver.job;

import java.time.Duration;
import java.util.List;
import org.ipaserver.action.CallResult;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.FlowEngine;

/**
 * What the job workers ask of the flow store, each call a transaction of its own: {@link FlowJobs}
 * in the server, local transactions outside it (the benchmark).
 */
public interface JobStore {

    /** Leases up to {@code limit} of this owner's due jobs of one kind ({@code timer} or {@code call}). */
    List<FlowEngine.Job> claimDue(String kind, int limit, Duration lease);

    boolean runTimer(String flowId);

    void jobFailed(String flowId, String reason, int maxAttempts);

    CallRequest prepareCall(String flowId);

    boolean callEnded(CallRequest request, CallResult result);

    void callFailed(CallRequest request, String reason, int maxAttempts);
}
