package org.ipaserver.routing;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import java.util.Set;
import org.ipaserver.security.Caller;

/** The caller of an EJB use case with the workgroups they belong to, as data access security needs it. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SessionContext context, EntityManager em) {
        var name = context.getCallerPrincipal().getName();
        return new Caller(name, context::isCallerInRole, Set.copyOf(WorkgroupRouting.workgroupsOf(em, name)));
    }
}
