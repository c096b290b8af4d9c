package org.ipaserver.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may launch, view or manage which process: the application role of a right grants it on
 * every process; the administered grants add it per process (or on all) to users, the members of
 * workgroups and the holders of roles. Plain Java over the grants read for the caller.
 */
public final class AccessRights {

    private final List<Grant> grants;

    public AccessRights(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    public boolean allows(Caller caller, Right right, String process) {
        return caller.hasRole().test(right.role())
                || grants.stream().anyMatch(g -> g.right() == right && g.covers(process) && g.names(caller));
    }

    /** Whether the caller holds the right on every process, by role or by a grant on {@link Grant#ALL}. */
    public boolean allowsEverywhere(Caller caller, Right right) {
        return allows(caller, right, Grant.ALL);
    }

    /** The processes named in grants of this right to the caller (without {@link Grant#ALL}). */
    public Set<String> processes(Caller caller, Right right) {
        return grants.stream().filter(g -> g.right() == right && !g.process().equals(Grant.ALL) && g.names(caller))
                .map(Grant::process).collect(Collectors.toUnmodifiableSet());
    }

    /** Publishing and validating definitions: the Process Designer licence, or the designer role. */
    public static boolean designs(Caller caller, Licence licence) {
        return caller.hasRole().test(Rights.DESIGN) || licence.includes(Licence.PROCESS_DESIGNER);
    }
}
