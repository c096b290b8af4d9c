package org.ipaserver.flow;

import jakarta.persistence.EntityManager;
import org.ipaserver.action.Outcome;
import org.ipaserver.definition.CompiledProcess;

/** Where the engine sends work items and takes them back (timeout, cancel); the work-item feature implements it. */
public interface WorkItemDispatch {

    /** Creates and routes the work item a flow asks for; returns its id. */
    String send(EntityManager em, FlowRecord flow, CompiledProcess process, Outcome.WorkItemRequested request);

    /** Ends an open work item without an answer: its flow timed out or was cancelled. */
    void withdraw(EntityManager em, String workItemId);
}
