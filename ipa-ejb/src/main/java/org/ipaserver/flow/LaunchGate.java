package org.ipaserver.flow;

/** Whether this server instance takes launches now (its store usable, its restore done). */
public interface LaunchGate {

    /** Why launches are refused now, or null when they are accepted. */
    String launchBlockedReason();
}
