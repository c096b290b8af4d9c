package org.ipaserver.workitem;

import static org.ipaserver.store.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.definition.FormDef;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowEvent;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.routing.WorkgroupRouting;
import org.ipaserver.security.AccessDenied;
import org.ipaserver.security.Caller;
import org.ipaserver.security.DataAccess;
import org.ipaserver.store.JsonFactory;

/**
 * What people do with work items: list theirs and their queues, pick up, hold, transfer, save a
 * draft, complete with a button. Completing resumes the flow in the same transaction, so the
 * answer and the flow's next step are committed together or not at all.
 */
public final class WorkItemDesk {

    private final FlowEngine engine;
    private final DefinitionCatalog catalog;
    private final Clock clock;
    private final WorkItemRouter router;

    public WorkItemDesk(FlowEngine engine, DefinitionCatalog catalog, Clock clock, WorkItemRouter router) {
        this.engine = engine;
        this.catalog = catalog;
        this.clock = clock;
        this.router = router;
    }

    /** The open items a user holds, newest first. */
    public List<WorkItemView> mine(EntityManager em, Caller caller) {
        return views(em, withFlows(em, "w.owner = :who AND w.status IN :open ORDER BY w.createdAt DESC",
                caller.name()), caller);
    }

    /** The items waiting in a workgroup's queue, oldest first; members only. */
    public List<WorkItemView> queue(EntityManager em, String workgroup, Caller caller) {
        var user = caller.name();
        if (!WorkgroupRouting.isMember(em, user, workgroup)) {
            throw new AccessDenied("user '" + user + "' is not a member of workgroup '" + workgroup + "'");
        }
        return views(em, withFlows(em, "w.workgroup = :who AND w.owner IS NULL AND w.status IN :open "
                + "ORDER BY w.createdAt", workgroup), caller);
    }

    /**
     * Open work items with their flows' rows, in one query; {@code who} and the open statuses are
     * its parameters. The rows stay in the persistence context, so the forms cost no query each.
     */
    private static List<WorkItem> withFlows(EntityManager em, String where, String who) {
        return em.createQuery("SELECT w, f FROM WorkItem w, FlowRecord f WHERE f.id = w.flowId AND " + where,
                        Object[].class)
                .setParameter("who", who).setParameter("open", openCodes()).getResultList()
                .stream().map(row -> (WorkItem) row[0]).toList();
    }

    /** The views of many items: their flows' states read in one query first. */
    private List<WorkItemView> views(EntityManager em, List<WorkItem> items, Caller caller) {
        engine.readStates(em, items.stream().map(WorkItem::flowId).distinct().toList());
        return items.stream().map(w -> view(em, w, caller)).toList();
    }

    public WorkItemView get(EntityManager em, String id, Caller caller) {
        var user = caller.name();
        return view(em, visible(em, id, user), caller);
    }

    public WorkItemView pickUp(EntityManager em, String id, Caller caller, Long version) {
        var user = caller.name();
        var item = open(em, id, user, version);
        if (item.status() == WorkItemStatus.PROCESSING) {
            throw new WorkItemConflict("work item " + id + " is already being processed by " + item.owner());
        }
        item.move(WorkItemStatus.PROCESSING, user, clock.instant());
        engine.tell(em, item.flowId(), FlowEvent.Kind.WORK_ITEM_PICKED_UP, Map.of("workItemId", item.id(), "user", user),
                Map.of());
        return changed(em, item, caller);
    }

    public WorkItemView hold(EntityManager em, String id, Caller caller, Long version) {
        var user = caller.name();
        var item = held(em, id, user, version);
        if (item.status() != WorkItemStatus.PROCESSING) {
            throw new WorkItemConflict("only a work item being processed can be held; this one is "
                    + item.status().code());
        }
        item.move(WorkItemStatus.HELD, user, clock.instant());
        return changed(em, item, caller);
    }

    public WorkItemView unhold(EntityManager em, String id, Caller caller, Long version) {
        var user = caller.name();
        var item = held(em, id, user, version);
        if (item.status() != WorkItemStatus.HELD) {
            throw new WorkItemConflict("work item " + id + " is not held; it is " + item.status().code());
        }
        item.move(WorkItemStatus.PROCESSING, user, clock.instant());
        return changed(em, item, caller);
    }

    /** Hands the item to another user, or back to a workgroup queue. */
    public WorkItemView transfer(EntityManager em, String id, Caller caller, String toUser, String toWorkgroup,
                                 Long version) {
        var user = caller.name();
        if ((toUser == null) == (toWorkgroup == null)) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("user",
                    "give exactly one of 'user' and 'workgroup'")));
        }
        var item = held(em, id, user, version);
        item.transferTo(toUser, toWorkgroup, clock.instant());
        if (toWorkgroup != null) {
            em.flush();
            router.route(em, item);
        }
        return changed(em, item, caller);
    }

    /** Keeps typed-in values without completing; they are checked for type and choices, not for being required. */
    public WorkItemView saveDraft(EntityManager em, String id, Caller caller, Map<String, JsonValue> values,
                                  Long version) {
        var user = caller.name();
        var item = held(em, id, user, version);
        var form = form(em, item);
        FormInput.check(form.form(), form.globals(), values, Map.of(), false,
                DataAccess.restricted(form.process(), caller));
        var draft = JSON.createObjectBuilder(draft(item));
        values.forEach(draft::add);
        item.saveDraft(draft.build().toString(), clock.instant());
        return changed(em, item, caller);
    }

    /** Completes the item with a button and resumes its flow; a second completion is a conflict. */
    public WorkItemView complete(EntityManager em, String id, Caller caller, String button,
                                 Map<String, JsonValue> values, Long version) {
        var user = caller.name();
        var item = held(em, id, user, version);
        var form = form(em, item);
        if (form.form().buttons().stream().noneMatch(b -> b.name().equals(button))) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("button", "form "
                    + form.form().name() + " has no button '" + button + "'")));
        }
        var given = new LinkedHashMap<String, JsonValue>(draft(item));
        given.putAll(values);
        var typed = FormInput.check(form.form(), form.globals(), given, currentValues(em, item, form), true,
                DataAccess.restricted(form.process(), caller));
        item.complete(button, user, clock.instant());
        engine.tell(em, item.flowId(), FlowEvent.Kind.WORK_ITEM_COMPLETED, Map.of("workItemId", item.id(), "user", user,
                "button", button), typed);
        engine.workItemCompleted(em, item.flowId(), item.id(), button, typed);
        return changed(em, item, caller);
    }

    /**
     * After a restart, nobody is processing anything: items routed to a user come back held by that
     * user, items of a workgroup come back held in its queue. Only the flows of {@code storageId} are
     * touched (this instance's at its start, a dead one's at a take-over); row versions are bumped,
     * so a form still open on the old state is refused as changed.
     */
    public int restore(EntityManager em, String storageId) {
        var flows = "(SELECT f.id FROM FlowRecord f WHERE f.storageId = :storage)";
        int toUsers = em.createQuery("UPDATE WorkItem w SET w.status = :held, w.version = w.version + 1 "
                        + "WHERE w.status = :processing AND w.workgroup IS NULL AND w.flowId IN " + flows)
                .setParameter("held", WorkItemStatus.HELD.code())
                .setParameter("processing", WorkItemStatus.PROCESSING.code())
                .setParameter("storage", storageId).executeUpdate();
        int toQueues = em.createQuery("UPDATE WorkItem w SET w.status = :held, w.owner = NULL, "
                        + "w.version = w.version + 1 WHERE w.status IN :busy AND w.workgroup IS NOT NULL "
                        + "AND w.flowId IN " + flows)
                .setParameter("held", WorkItemStatus.HELD.code())
                .setParameter("busy", List.of(WorkItemStatus.PROCESSING.code(), WorkItemStatus.HELD.code()))
                .setParameter("storage", storageId).executeUpdate();
        return toUsers + toQueues;
    }

    private WorkItem visible(EntityManager em, String id, String user) {
        var item = withFlow(em, id);
        if (item == null || !(user.equals(item.owner()) || user.equals(item.completedBy())
                || item.owner() == null && item.workgroup() != null
                && WorkgroupRouting.isMember(em, user, item.workgroup()))) {
            throw new UnknownWorkItem(id);
        }
        return item;
    }

    /** The item with its flow's row, in one query (forms need both); null when there is no such item. */
    private static WorkItem withFlow(EntityManager em, String id) {
        return em.createQuery("SELECT w, f FROM WorkItem w, FlowRecord f WHERE w.id = :id AND f.id = w.flowId",
                        Object[].class).setParameter("id", id).getResultStream()
                .map(row -> (WorkItem) row[0]).findFirst().orElse(null);
    }

    /**
     * An open item the user holds, or (for picking up) one in a queue of theirs, to change: through
     * the instance that owns its flow, or one that takes the flow for it (fenced like the flow's own
     * writes; see FlowEngine.requireOwnerOf).
     */
    private WorkItem open(EntityManager em, String id, String user, Long version) {
        var item = visible(em, id, user);
        if (!item.status().open()) {
            throw new WorkItemConflict("work item " + id + " is " + item.status().code());
        }
        if (version != null && version != item.version()) {
            throw new WorkItemConflict("work item " + id + " has changed since version " + version
                    + " (now " + item.version() + "): reload it");
        }
        engine.requireOwnerOf(em, item.flowId());
        return item;
    }

    private WorkItem held(EntityManager em, String id, String user, Long version) {
        var item = open(em, id, user, version);
        if (!user.equals(item.owner())) {
            throw new WorkItemConflict("pick work item " + id + " up first");
        }
        return item;
    }

    private record Form(FormDef form, Map<String, org.ipaserver.definition.VariableDef> globals, String definition,
                        org.ipaserver.definition.ProcessDefinition process) {
    }

    private Form form(EntityManager em, WorkItem item) {
        var flow = em.find(org.ipaserver.flow.FlowRecord.class, item.flowId());
        var process = catalog.find(em, flow.definitionName(), flow.definitionVersion()).orElseThrow();
        var form = process.definition().forms().stream().filter(f -> f.name().equals(item.formName()))
                .findFirst().orElseThrow();
        return new Form(form, process.globals(), process.name() + " v" + process.version(), process.definition());
    }

    private static JsonObject draft(WorkItem item) {
        if (item.draft() == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return JsonFactory.readObject(item.draft());
    }

    /** The values the form shows: the draft where there is one, else the flow's variables. */
    private Map<String, Object> currentValues(EntityManager em, WorkItem item, Form form) {
        var variables = engine.variables(em, item.flowId());
        var draft = draft(item);
        var values = new LinkedHashMap<String, Object>();
        for (var field : form.form().fields()) {
            var type = form.globals().get(field.variable()).type();
            values.put(field.name(), draft.containsKey(field.name())
                    ? TypedValues.fromStoredJson(draft.get(field.name()), type) : variables.get(field.variable()));
        }
        return values;
    }

    /** The view after a change, with the version the change gets (clients send it back to detect stale writes). */
    private WorkItemView changed(EntityManager em, WorkItem item, Caller caller) {
        em.flush();
        return view(em, item, caller);
    }

    private WorkItemView view(EntityManager em, WorkItem item, Caller caller) {
        var form = form(em, item);
        var hidden = DataAccess.restricted(form.process(), caller);
        var current = item.status().open() ? currentValues(em, item, form) : Map.<String, Object>of();
        var fields = form.form().fields().stream().map(f -> {
            var restricted = hidden.contains(f.variable());
            return new WorkItemView.Field(f.name(), f.label() == null ? f.name() : f.label(),
                    form.globals().get(f.variable()).type().toString(), f.readOnly() || restricted, f.required(),
                    f.choices(), restricted ? null : current.get(f.name()), restricted);
        }).toList();
        var buttons = form.form().buttons().stream().map(b -> new WorkItemView.Button(b.name(),
                b.label() == null ? b.name() : b.label())).toList();
        return new WorkItemView(item.id(), item.flowId(), form.definition(), item.category(), item.description(),
                item.status().code(), item.owner(), item.routedUser(), item.workgroup(), item.createdAt(),
                item.deadline(), item.version(), fields, buttons, item.exitButton());
    }

    static List<String> openCodes() {
        return List.of(WorkItemStatus.ALERTING.code(), WorkItemStatus.PROCESSING.code(), WorkItemStatus.HELD.code());
    }

    /** 404: no such work item, or not one the caller may see. */
    public static class UnknownWorkItem extends RuntimeException {
        public UnknownWorkItem(String id) {
            super("no work item with id '" + id + "'");
        }
    }
}
