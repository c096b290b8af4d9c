package org.ipaserver.catalog.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.catalog.DefinitionRecord;
import org.ipaserver.catalog.ValidationReport;
import org.ipaserver.routing.Callers;
import org.ipaserver.security.AccessDenied;
import org.ipaserver.security.AccessRights;
import org.ipaserver.security.Licences;
import org.ipaserver.security.Rights;
import org.ipaserver.store.StoreClock;
import org.ipaserver.store.UniqueKeys;

/**
 * Definition use cases: anyone signed in may read; only designers validate and publish, by the
 * Process Designer licence or the ipa-designer role (kept for realms that grant design by group).
 */
@Stateless
@DeclareRoles({Rights.DESIGN})
public class DefinitionService {

    private static final int PUBLISH_ATTEMPTS = 5;

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;
    @Inject
    DefinitionCatalog catalog;

    public ValidationReport validate(String json) {
        requireDesigner();
        return catalog.validate(em, json);
    }

    /**
     * Publishes the next version. Two publishes of one process at the same time compute the same
     * number; the one that loses at the database tries again, with the number after the winner's.
     *
     * @param test publish a test version: it runs only for designers, who launch it by its number
     */
    public DefinitionCatalog.Published publish(String json, boolean test) {
        var self = caller.getBusinessObject(DefinitionService.class);
        var published = UniqueKeys.retrying(PUBLISH_ATTEMPTS, () -> self.publishOnce(json, test));
        catalog.forgetLatest(published.name()); // committed now: no launch keeps the version before it
        return published;
    }

    /** One attempt of {@link #publish}; callers use that. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW) // a lost attempt rolls back alone and is retried
    public DefinitionCatalog.Published publishOnce(String json, boolean test) {
        requireDesigner();
        return catalog.publish(em, json, caller.getCallerPrincipal().getName(), StoreClock.now(), test);
    }

    /** Launching a named version that is a test version needs a designer. */
    public void checkLaunchable(String name, Integer version) {
        if (version != null && version(name, version).map(DefinitionRecord::testVersion).orElse(false)) {
            requireDesigner();
        }
    }

    public List<DefinitionCatalog.Summary> list() {
        return catalog.list(em);
    }

    public List<DefinitionRecord> versions(String name) {
        return catalog.versions(em, name);
    }

    public Optional<DefinitionRecord> version(String name, int version) {
        return catalog.record(em, name, version);
    }

    private void requireDesigner() {
        var user = caller.getCallerPrincipal().getName();
        if (!AccessRights.designs(Callers.of(caller, em), Licences.of(em, user))) {
            throw new AccessDenied("user '" + user + "' may not validate, publish or test-run definitions (needs "
                    + "the Process Designer licence or the " + Rights.DESIGN + " role)");
        }
    }
}
