package org.ipaserver.security;

/** One administered grant: a right on a process (or on {@link #ALL} processes) for a user, workgroup or role. */
public record Grant(PrincipalKind kind, String principal, Right right, String process) {

    /** The process name that stands for every process. */
    public static final String ALL = "*";

    /** Whether the grant names this caller: by name, by a workgroup of theirs or by a role they hold. */
    public boolean names(Caller caller) {
        return switch (kind) {
            case USER -> principal.equals(caller.name());
            case WORKGROUP -> caller.workgroups().contains(principal);
            case ROLE -> caller.hasRole().test(principal);
        };
    }

    public boolean covers(String processName) {
        return process.equals(ALL) || process.equals(processName);
    }
}
