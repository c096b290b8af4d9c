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
import org.ipaserver.admin.EngineRuntime;
import org.ipaserver.admin.IpaServer;
import org.ipaserver.security.AccessDenied;
import org.ipaserver.security.Callers;
import org.ipaserver.security.DataAccess;
import org.ipaserver.security.Rights;

/** The flow use cases for callers of the API, one transaction each, with their rights checked. */
@Stateless
@DeclareRoles({Rights.LAUNCH, Rights.VIEW, Rights.MANAGE, Rights.DESIGN, "ipa-admin"})
public class FlowService {

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;
    @Inject
    EngineRuntime runtime;
    @EJB
    IpaServer server;

    public FlowView launch(String definition, Integer version, Map<String, JsonValue> variables) {
        require(Rights.LAUNCH, "launch processes");
        var blocked = server.launchBlockedReason();
        if (blocked != null) {
            throw new FlowExceptions.LaunchesBlocked(blocked);
        }
        var id = runtime.engine().launch(em, definition, version, variables, user());
        return redacted(runtime.engine().view(em, id));
    }

    public FlowView view(String id) {
        var view = runtime.engine().view(em, id);
        if (!caller.isCallerInRole(Rights.VIEW) && !view.launchedBy().equals(user())) {
            throw new FlowExceptions.UnknownFlow(id); // not even its existence is shown
        }
        return redacted(view);
    }

    /** Without the View right a caller searches only the flows they launched. */
    public FlowSearch.Page search(FlowSearch.Query query) {
        var scoped = caller.isCallerInRole(Rights.VIEW) ? query : query.launchedOnlyBy(user());
        return FlowSearch.run(em, scoped);
    }

    public FlowView cancel(String id) {
        view(id);
        require(Rights.MANAGE, "cancel flows");
        runtime.engine().cancel(em, id);
        return redacted(runtime.engine().view(em, id));
    }

    /** The launcher, or a user with the Manage right, associates an external interaction with the flow. */
    public FlowView attachInteraction(String id, String interactionId) {
        var view = view(id);
        if (!view.launchedBy().equals(user())) {
            require(Rights.MANAGE, "attach interactions to flows of others");
        }
        RelatedInteractions.attach(em, id, interactionId, user(), java.time.Instant.now());
        return redacted(runtime.engine().view(em, id));
    }

    /** Data access security: variables under a specification that does not list the caller lose their values. */
    private FlowView redacted(FlowView view) {
        var process = runtime.catalog().find(em, view.definition(), view.version()).orElseThrow();
        return view.redact(DataAccess.restricted(process.definition(), Callers.of(caller, em)));
    }

    private void require(String right, String what) {
        if (!caller.isCallerInRole(right)) {
            throw new AccessDenied("user '" + user() + "' may not " + what + " (needs the " + right + " right)");
        }
    }

    private String user() {
        return caller.getCallerPrincipal().getName();
    }
}
