package org.ipaserver.integration.webservice;

import java.util.Set;
import org.ipaserver.action.CallResult;

/** The exit of an HTTP status that is not a success: its own (404), its class (4xx), else failure. */
final class StatusExits {

    private StatusExits() {
    }

    static String exit(int status, Set<String> handled) {
        var exact = String.valueOf(status);
        if (handled.contains(exact)) {
            return exact;
        }
        var statusClass = status / 100 + "xx";
        return handled.contains(statusClass) ? statusClass : CallResult.FAILURE;
    }
}
