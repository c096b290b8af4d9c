package org.ipaserver.flow;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.ipaserver.admin.EngineRuntime;

/** Fires due timers of this instance's flows, each in a transaction of its own. */
@Stateless
public class FlowTimers {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(FlowTimers.class.getName());

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Inject
    EngineRuntime runtime;
    @EJB
    FlowTimers self;

    /** Resumes every flow due now; returns how many were due. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int fireDue() {
        var due = self.due();
        for (var id : due) {
            try {
                self.resume(id);
            } catch (EJBException | OptimisticLockException e) {
                // another transaction moved the flow first (cancel, another instance): nothing to do
                LOG.fine("Timer of flow " + id + " not fired: " + e);
            }
        }
        return due.size();
    }

    public java.util.List<String> due() {
        return runtime.engine().dueTimers(em, BATCH);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void resume(String flowId) {
        runtime.engine().resumeTimer(em, flowId);
    }
}
