package org.ipaserver.job;

import org.ipaserver.action.CallResult;
import org.ipaserver.flow.CallRequest;

/**
 * Makes the calls of one external action type, outside any transaction and holding no flow row
 * or database connection. It answers with an exit (failure and timeout included) or throws
 * {@link CallUnavailable} for a failure of the moment worth another attempt.
 */
public interface ExternalCall {

    /** The action type it makes calls for, e.g. RunHandler. */
    String actionType();

    CallResult call(CallRequest request);
}
