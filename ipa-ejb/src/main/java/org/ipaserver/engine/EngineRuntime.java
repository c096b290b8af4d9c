package org.ipaserver.engine;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ipaserver.admin.ServerParameters;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.cluster.Departures;
import org.ipaserver.cluster.InstanceRegistry;
import org.ipaserver.cluster.LoadBalance;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.monitor.MonitorJournal;
import org.ipaserver.store.StoreClock;
import org.ipaserver.workitem.WorkItemDesk;
import org.ipaserver.workitem.WorkItemRouter;

/**
 * The one engine of this server instance: the definition catalog with its compiled versions,
 * the flow engine stamped with this instance's storage ID, the work-item desk and router. The
 * features' facades get these parts injected (produced here), so none of them depends on this.
 */
@ApplicationScoped
public class EngineRuntime {

    @Inject
    ServerParameters parameters;
    /** Observed after the commit by the job workers, which then make the call. */
    @Inject
    Event<CallRequest> callsCommitted;
    /** The live monitor's journal: what happens to flows, recorded while someone watches. */
    @Inject
    MonitorJournal journal;

    private DefinitionCatalog catalog;
    private FlowEngine engine;
    private WorkItemDesk desk;
    private WorkItemRouter router;
    private final LoadBalance balance = new LoadBalance();
    private final Departures departures = new Departures(StoreClock.utc());

    @PostConstruct
    void start() {
        var clock = StoreClock.utc();
        catalog = new DefinitionCatalog(new Expressions());
        router = new WorkItemRouter(clock);
        engine = new FlowEngine(catalog, clock, new FlowOwner(storageId(), 0), parameters.depthThreshold(), router,
                callsCommitted::fire);
        engine.takeFlowsForWork((em, self) -> InstanceRegistry.holdLive(em, self, clock));
        engine.tellEventsTo(journal);
        desk = new WorkItemDesk(engine, catalog, clock, router);
    }

    @Produces
    public WorkItemDesk desk() {
        return desk;
    }

    /** PAS_LoadBalanceThreshold: the live instances' active flows, as this instance last counted them. */
    @Produces
    public LoadBalance balance() {
        return balance;
    }

    /** The instances the data grid saw leave, watched until they are taken over or show they still run. */
    @Produces
    public Departures departures() {
        return departures;
    }

    @Produces
    public WorkItemRouter router() {
        return router;
    }

    @Produces
    public DefinitionCatalog catalog() {
        return catalog;
    }

    @Produces
    public FlowEngine engine() {
        return engine;
    }

    /**
     * {@code ipa.storageId} when set; otherwise derived from the server instance's directory, so
     * it stays the same across restarts of that instance and differs between instances.
     */
    static String storageId() {
        var configured = ConfigProvider.getConfig().getOptionalValue("ipa.storageId", String.class);
        if (configured.isPresent()) {
            return configured.get();
        }
        var instance = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("server.output.dir",
                System.getProperty("user.dir")));
        return UUID.nameUUIDFromBytes(("ipa-storage:" + instance).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
