package org.ipaserver.workitem;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipaserver.flow.FlowEngine;

/** The work-item use cases for the signed-in user, one transaction each. */
@Stateless
public class WorkItemService {

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;
    @Inject
    WorkItemDesk desk;
    @Inject
    FlowEngine engine;

    /**
     * How these users' lists stand now, for the live My Work Items. Called by the web tier's
     * watcher with no caller of its own: it tells each user only that their lists changed.
     */
    public Map<String, WorkListMark> marks(Set<String> users) {
        return WorkListMark.of(em, users);
    }

    public List<WorkItemView> mine() {
        return desk.mine(em, user());
    }

    public List<WorkItemView> queue(String workgroup) {
        return desk.queue(em, workgroup, user());
    }

    public WorkItemView get(String id) {
        return desk.get(em, id, user());
    }

    public WorkItemView pickUp(String id, Long version) {
        return desk.pickUp(em, id, user(), version);
    }

    public WorkItemView hold(String id, Long version) {
        return desk.hold(em, id, user(), version);
    }

    public WorkItemView unhold(String id, Long version) {
        return desk.unhold(em, id, user(), version);
    }

    public WorkItemView transfer(String id, String toUser, String toWorkgroup, Long version) {
        return desk.transfer(em, id, user(), toUser, toWorkgroup, version);
    }

    public WorkItemView saveDraft(String id, Map<String, JsonValue> values, Long version) {
        return desk.saveDraft(em, id, user(), values, version);
    }

    public WorkItemView complete(String id, String button, Map<String, JsonValue> values, Long version) {
        return desk.complete(em, id, user(), button, values, version);
    }

    /** At start: work items being processed before come back held (see {@link WorkItemDesk#restore}). */
    public int restore() {
        return desk.restore(em, engine.storageId());
    }

    private org.ipaserver.security.Caller user() {
        return org.ipaserver.routing.Callers.of(caller, em);
    }
}
