package org.ipaserver.flow;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.ipaserver.admin.ServerParameters;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.cluster.LoadBalance;
import org.ipaserver.routing.Callers;
import org.ipaserver.security.AccessDenied;
import org.ipaserver.security.Caller;
import org.ipaserver.security.DataAccess;
import org.ipaserver.security.ProcessRights;
import org.ipaserver.security.Right;
import org.ipaserver.security.Rights;
import org.ipaserver.store.StoreClock;

/**
 * The flow use cases for callers of the API, one transaction each, with their rights checked: a
 * right comes from its application role (every process) or from the administered grants.
 */
@Stateless
@DeclareRoles({Rights.LAUNCH, Rights.VIEW, Rights.MANAGE, Rights.DESIGN, Rights.ADMIN})
public class FlowService {

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;
    @Inject
    FlowEngine engine;
    @Inject
    DefinitionCatalog catalog;
    @EJB
    LaunchGate gate;
    @EJB
    org.ipaserver.catalog.boundary.DefinitionService definitions;
    @Inject
    LoadBalance balance;
    @Inject
    ServerParameters parameters;

    /**
     * Launches a flow and answers what its row says: no variables, history or related interactions,
     * which would cost a read of its state document, a query and a redaction that most launchers
     * never look at. {@link #launchAndView} answers the whole view.
     */
    public FlowSummary launch(String id, String definition, Integer version, Map<String, JsonValue> variables) {
        start(id, definition, version, variables);
        return FlowSummary.of(em.find(FlowRecord.class, id)); // the row in hand: no SQL
    }

    /** Launches a flow and answers it as {@link #view} does. */
    public FlowView launchAndView(String id, String definition, Integer version, Map<String, JsonValue> variables) {
        start(id, definition, version, variables);
        return redacted(engine.view(em, id));
    }

    /**
     * {@code id} comes from {@link FlowIds#next()}: the caller can name the flow if the commit's answer
     * is lost. Past PAS_LoadBalanceThreshold the flow is handed to a less loaded live instance.
     */
    private void start(String id, String definition, Integer version, Map<String, JsonValue> variables) {
        require(Right.LAUNCH, definition, "launch process '" + definition + "'");
        if (version != null) { // only a named version can be a test version; the latest needs no call to ask
            definitions.checkLaunchable(definition, version);
        }
        var blocked = gate.launchBlockedReason();
        if (blocked != null) {
            throw new FlowExceptions.LaunchesBlocked(blocked);
        }
        var handTo = balance.target(engine.storageId(), parameters.loadBalanceThreshold())
                .flatMap(target -> LoadBalance.hold(em, target, StoreClock.utc()));
        if (handTo.isPresent()) {
            engine.handOver(em, id, handTo.get(), definition, version, variables, user());
        } else {
            engine.launch(em, id, definition, version, variables, user());
        }
    }

    /** The processes the caller may launch (by the role or a grant), each with its latest version. */
    public java.util.List<DefinitionCatalog.Summary> launchable() {
        return allowing(Right.LAUNCH);
    }

    /** The processes on which the caller holds {@code right}, by role or by grant. */
    public java.util.List<DefinitionCatalog.Summary> allowing(Right right) {
        var all = definitions.list();
        if (caller.isCallerInRole(right.role())) {
            return all;
        }
        var me = me();
        var rights = ProcessRights.of(em, me);
        return all.stream().filter(process -> rights.allows(me, right, process.name())).toList();
    }

    public FlowView view(String id) {
        var view = engine.view(em, id);
        if (!view.launchedBy().equals(user()) && !holds(Right.VIEW, view.definition())) {
            throw new FlowExceptions.UnknownFlow(id); // not even its existence is shown
        }
        return redacted(view);
    }

    /** Without the View right on every process a caller finds their own flows and those of the processes they view. */
    public FlowSearch.Page search(FlowSearch.Query query) {
        if (caller.isCallerInRole(Right.VIEW.role())) {
            return FlowSearch.run(em, query);
        }
        var me = me();
        var rights = ProcessRights.of(em, me);
        return rights.allowsEverywhere(me, Right.VIEW) ? FlowSearch.run(em, query)
                : FlowSearch.run(em, query, new FlowSearch.Visible(user(), rights.processes(me, Right.VIEW)));
    }

    public FlowView cancel(String id) {
        var view = view(id);
        require(Right.MANAGE, view.definition(), "cancel flows of process '" + view.definition() + "'");
        engine.cancel(em, id);
        return redacted(engine.view(em, id));
    }

    /** A flow in error or restored in error runs its step again (a call as a new attempt); Manage right. */
    public FlowView retry(String id) {
        var view = view(id);
        require(Right.MANAGE, view.definition(), "retry flows of process '" + view.definition() + "'");
        engine.retry(em, id);
        return redacted(engine.view(em, id));
    }

    /** The external call a flow waits at ends on {@code exit} without being made; Manage right. */
    public FlowView skip(String id, String exit) {
        var view = view(id);
        require(Right.MANAGE, view.definition(), "skip steps of flows of process '" + view.definition() + "'");
        engine.skip(em, id, exit);
        return redacted(engine.view(em, id));
    }

    /** The launcher, or a user with the Manage right, associates an external interaction with the flow. */
    public FlowView attachInteraction(String id, String interactionId) {
        var view = view(id);
        if (!view.launchedBy().equals(user())) {
            require(Right.MANAGE, view.definition(), "attach interactions to flows of others");
        }
        RelatedInteractions.attach(em, id, interactionId, user(), StoreClock.now());
        return redacted(engine.view(em, id));
    }

    /** Data access security: variables under a specification that does not list the caller lose their values. */
    private FlowView redacted(FlowView view) {
        var definition = catalog.find(em, view.definition(), view.version()).orElseThrow().definition();
        if (definition.securitySpecifications().isEmpty()) {
            return view.redact(java.util.Set.of()); // nothing to hide: spare the caller's workgroup lookup
        }
        return view.redact(DataAccess.restricted(definition, me()));
    }

    private void require(Right right, String process, String what) {
        if (!holds(right, process)) {
            throw new AccessDenied("user '" + user() + "' may not " + what + " (needs the " + right
                    + " right on it, by the " + right.role() + " role or a grant)");
        }
    }

    /** The role first: it needs no database, and most callers hold their rights by role. */
    private boolean holds(Right right, String process) {
        if (caller.isCallerInRole(right.role())) {
            return true;
        }
        var me = me();
        return ProcessRights.of(em, me).allows(me, right, process);
    }

    private Caller me() {
        return Callers.of(caller, em);
    }

    private String user() {
        return caller.getCallerPrincipal().getName();
    }
}
