package org.ipaserver.routing;

import org.ipaserver.refusal.InvalidInput;
/** What the routing use cases refuse with 404; bad input is {@code InvalidInput} as everywhere. */
public final class RoutingExceptions {

    private RoutingExceptions() {
    }

    /** 404: no workgroup of that name. */
    public static class UnknownWorkgroup extends RuntimeException {
        public UnknownWorkgroup(String name) {
            super("no workgroup named '" + name + "'");
        }
    }

    /**
     * 404: the application knows nothing of this user. Users live in the server's realm, which
     * the application cannot list; it knows those it was told about: members, or users with
     * skills, a presence or a licence.
     */
    public static class UnknownUser extends RuntimeException {
        public UnknownUser(String user) {
            super("no user '" + user + "' is known to IPA (not a member of a workgroup, no skills, presence or "
                    + "licence recorded)");
        }
    }
}
