package org.ipaserver.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.security.AccessDenied;
import org.ipaserver.security.Rights;
import org.ipaserver.store.StoreClock;
import org.ipaserver.workitem.WorkItemDesk;

/** This instance's registration of its storage ID, each step in a transaction of its own. */
@Stateless
@DeclareRoles({Rights.ADMIN})
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Membership {

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;
    @Inject
    FlowEngine engine;
    @Inject
    @ConfigProperty(name = "ipa.cluster.leaseSeconds", defaultValue = "10")
    int leaseSeconds;
    @Inject
    WorkItemDesk desk;
    @Inject
    Departures departures;

    private InstanceRegistry registry;
    private TakeOver takeOver;

    @PostConstruct
    void init() {
        var clock = StoreClock.utc();
        registry = new InstanceRegistry(clock, Duration.ofSeconds(Math.max(3, leaseSeconds)));
        takeOver = new TakeOver(registry, engine, desk, clock, departures);
    }

    /**
     * Registers the engine's storage ID for this incarnation and moves its flows to the new epoch,
     * in one transaction; returns the epoch (the caller adopts it once this has committed).
     */
    public long register(String incarnation, String host) {
        long epoch = registry.register(em, engine.storageId(), incarnation, host);
        engine.moveToEpoch(em, epoch);
        return epoch;
    }

    public boolean heartbeat(String incarnation, long epoch) {
        return registry.heartbeat(em, engine.storageId(), incarnation, epoch);
    }

    /**
     * The other instances whose lease ran out (died or hang), or that the data grid saw leave and
     * that have not renewed since, to be taken over.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InstanceRegistry.Expired> expired() {
        return takeOver.candidates(em);
    }

    /** Takes {@code dead}'s flows over if this instance still holds its lease and wins the claim. */
    public TakeOver.Outcome takeOver(String incarnation, InstanceRegistry.Expired dead) {
        return takeOver.takeOver(em, incarnation, dead);
    }

    /** The live registrations with their active flows (PAS_LoadBalanceThreshold). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LoadBalance.ActiveFlows> activeFlows() {
        return LoadBalance.count(em, StoreClock.utc());
    }

    public void release(String incarnation, long epoch) {
        registry.release(em, engine.storageId(), incarnation, epoch);
    }

    /** Every storage ID registered in this database; for ipa-admin. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InstanceView> instances() {
        if (!caller.isCallerInRole(Rights.ADMIN)) {
            throw new AccessDenied("user '" + caller.getCallerPrincipal().getName() + "' may not list the server "
                    + "instances (needs the " + Rights.ADMIN + " right)");
        }
        return registry.list(em);
    }

    public Duration lease() {
        return registry.lease();
    }

    /** How often this instance renews its lease. */
    public Duration renewal() {
        return registry.renewal();
    }
}
