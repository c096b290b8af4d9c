package org.ipaserver.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;

/**
 * Administration of the Launch, View and Manage grants per user, workgroup and role, one
 * transaction each; ipa-admin only, checked before the input so a refused request learns nothing.
 */
@Stateless
@DeclareRoles({Rights.ADMIN})
public class RightsService {

    private static final int MAX_NAME = 128;
    /** Role grants name the roles the application declares: the container knows no others. */
    static final List<String> ROLES = List.of(Rights.LAUNCH, Rights.VIEW, Rights.MANAGE, Rights.DESIGN, Rights.ADMIN);

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;

    /** Every grant, or those on one process ({@code "*"}: those on all processes). */
    public List<Grant> list(String process) {
        requireAdmin();
        return ProcessRights.list(em, process);
    }

    /** True when the grant is new. */
    public boolean grant(String kind, String principal, String right, String process) {
        requireAdmin();
        return ProcessRights.add(em, checked(kind, principal, right, process));
    }

    /** Taking away a grant that does not exist changes nothing and is no error. */
    public void revoke(String kind, String principal, String right, String process) {
        requireAdmin();
        ProcessRights.remove(em, checked(kind, principal, right, process));
    }

    /** The grant, or 400 naming every bad field. */
    static Grant checked(String kind, String principal, String right, String process) {
        var errors = new ArrayList<FieldError>();
        var principalKind = kind == null ? null : PrincipalKind.byCode(kind).orElse(null);
        if (principalKind == null) {
            errors.add(new FieldError("kind", "must be one of user, workgroup, role"));
        }
        if (principal == null || principal.isBlank() || principal.length() > MAX_NAME) {
            errors.add(new FieldError("principal", "a name of 1 to " + MAX_NAME + " characters is required"));
        } else if (principalKind == PrincipalKind.ROLE && !ROLES.contains(principal)) {
            errors.add(new FieldError("principal", "must be a role of the application: " + String.join(", ", ROLES)));
        }
        var accessRight = right == null ? null : Right.byName(right).orElse(null);
        if (accessRight == null) {
            errors.add(new FieldError("right", "must be one of LAUNCH, VIEW, MANAGE"));
        }
        if (process == null || process.isBlank() || process.length() > MAX_NAME) {
            errors.add(new FieldError("process", "a process name of 1 to " + MAX_NAME + " characters, or * for all,"
                    + " is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Grant(principalKind, principal, accessRight, process);
    }

    private void requireAdmin() {
        if (!caller.isCallerInRole(Rights.ADMIN)) {
            throw new AccessDenied("user '" + caller.getCallerPrincipal().getName()
                    + "' may not administer access rights (needs the " + Rights.ADMIN + " right)");
        }
    }
}
