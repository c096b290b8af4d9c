package org.ipaserver.workitem;

/** 409: the work item is not in a state that allows the request, or someone else acted first. */
public class WorkItemConflict extends RuntimeException {

    public WorkItemConflict(String message) {
        super(message);
    }
}
