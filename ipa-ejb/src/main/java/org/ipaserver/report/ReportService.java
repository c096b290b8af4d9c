package org.ipaserver.report;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import org.ipaserver.routing.Callers;
import org.ipaserver.security.AccessDenied;
import org.ipaserver.security.ProcessRights;
import org.ipaserver.security.Right;
import org.ipaserver.security.Rights;
import org.ipaserver.security.Supervisors;

/**
 * Reports for callers of the API: a process's to those with the View right on it (by role or
 * grant), the workgroups' to supervisors; and the passes that make the rollups.
 */
@Stateless
@DeclareRoles({Rights.VIEW, Rights.ADMIN})
public class ReportService {

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;
    @Inject
    Reports reports;

    public ProcessReport process(String process, Integer version, LocalDate from, LocalDate to) {
        requireView(process);
        return reports.process(em, process, version, from, to);
    }

    public VariableValues values(String process, String variable, LocalDate from, LocalDate to, int page, int size) {
        requireView(process);
        return reports.values(em, process, variable, from, to, page, size);
    }

    public WorkReport work(LocalDate from, LocalDate to) {
        Supervisors.require(em, caller.getCallerPrincipal().getName(), caller.isCallerInRole(Rights.ADMIN),
                "read the workgroups' report");
        return reports.work(em, from, to);
    }

    /** One pass, in a transaction of its own; false when there was nothing to roll up or another instance did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean rollUp() {
        return reports.rollUp(em);
    }

    private void requireView(String process) {
        if (caller.isCallerInRole(Rights.VIEW)) {
            return;
        }
        var me = Callers.of(caller, em);
        if (!ProcessRights.of(em, me).allows(me, Right.VIEW, process)) {
            throw new AccessDenied("you may not view process '" + process + "', nor its report");
        }
    }
}
