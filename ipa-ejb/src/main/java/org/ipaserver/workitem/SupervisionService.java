package org.ipaserver.workitem;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.ipaserver.routing.RoutingExceptions;
import org.ipaserver.routing.WorkgroupRouting;
import org.ipaserver.security.Rights;
import org.ipaserver.security.Supervisors;
import org.ipaserver.store.StoreClock;

/** The supervisors' view of workgroup queues, for ipa-admin or the Process Monitor licence. */
@Stateless
@DeclareRoles({Rights.ADMIN})
public class SupervisionService {

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;

    /** Every workgroup, by name. */
    public List<WorkgroupSupervision> workgroups() {
        requireSupervisor();
        var now = StoreClock.now();
        return WorkgroupRouting.names(em).stream()
                .flatMap(name -> QueueWatch.of(em, name, now).stream()).toList();
    }

    public WorkgroupSupervision workgroup(String name) {
        requireSupervisor();
        return QueueWatch.of(em, name, StoreClock.now())
                .orElseThrow(() -> new RoutingExceptions.UnknownWorkgroup(name));
    }

    private void requireSupervisor() {
        var user = caller.getCallerPrincipal().getName();
        Supervisors.require(em, user, caller.isCallerInRole(Rights.ADMIN), "supervise workgroups");
    }
}
