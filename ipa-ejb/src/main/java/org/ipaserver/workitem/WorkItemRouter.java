package org.ipaserver.workitem;

import static org.ipaserver.store.JsonFactory.JSON;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.UUID;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.flow.FlowRecord;
import org.ipaserver.flow.Outcome;
import org.ipaserver.flow.WorkItemDispatch;

/**
 * Creates the work items flows ask for: routed to a user, that user holds it (alerting); routed to
 * a workgroup, it waits in the workgroup's queue until a member picks it up.
 */
public final class WorkItemRouter implements WorkItemDispatch {

    private final Clock clock;

    public WorkItemRouter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String send(EntityManager em, FlowRecord flow, CompiledProcess process, Outcome.WorkItemRequested request) {
        var action = request.action();
        var form = process.definition().forms().stream().filter(f -> f.name().equals(action.form())).findFirst()
                .orElseThrow();
        var skills = JSON.createObjectBuilder();
        action.skills().forEach(skills::add);
        var item = new WorkItem(UUID.randomUUID().toString(), flow.id(), action.path(), form.name(), form.category(),
                request.description(), action.toWorkgroup() ? null : request.recipient(),
                action.toWorkgroup() ? request.recipient() : null, skills.build().toString(), request.deadline(),
                clock.instant());
        em.persist(item);
        return item.id();
    }

    @Override
    public void withdraw(EntityManager em, String workItemId) {
        var item = em.find(WorkItem.class, workItemId);
        if (item != null && item.status().open()) {
            item.move(WorkItemStatus.CANCELLED, item.owner(), clock.instant());
        }
    }
}
