package org.ipaserver.monitor;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ipaserver.admin.InvalidServerParameterException;
import org.ipaserver.admin.ServerParameters;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.flow.FlowSearch;
import org.ipaserver.routing.WorkgroupRouting;
import org.ipaserver.security.Caller;
import org.ipaserver.security.DataAccess;
import org.ipaserver.security.ProcessRights;
import org.ipaserver.security.Right;

/** The monitor's use cases on the database, one transaction each: subscribe (count first), read the journal, keep it. */
@Stateless
public class MonitorService {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(MonitorService.class.getName());

    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Inject
    ServerParameters parameters;
    @Inject
    DefinitionCatalog catalog;

    /** What a subscription watches at its start: the flows the viewer may see, and how many at most. */
    public record Watch(FlowSearch.Visible visible, List<String> flows, int maximum) {
    }

    /**
     * Counts the flows the filter matches among those the viewer may view, and refuses a filter
     * that matches more than PAS Maximum Monitored Flows ({@link TooBroadFilter}, with the count).
     */
    public Watch watch(Viewer viewer, MonitorFilter filter) {
        var caller = caller(viewer);
        FlowSearch.Visible visible = null;
        if (!viewer.roles().contains(Right.VIEW.role())) {
            var rights = ProcessRights.of(em, caller);
            if (!rights.allowsEverywhere(caller, Right.VIEW)) {
                visible = new FlowSearch.Visible(viewer.name(), rights.processes(caller, Right.VIEW));
            }
        }
        int maximum = maximumMonitoredFlows();
        var flows = FlowSearch.ids(em, filter.query(1), filter.version(), visible, maximum + 1);
        if (flows.size() > maximum) {
            var page = FlowSearch.run(em, filter.query(1), filter.version(), visible);
            throw new TooBroadFilter(Math.max(page.total(), flows.size()), page.totalExact(), maximum);
        }
        return new Watch(visible, flows, maximum);
    }

    /**
     * PAS Maximum Monitored Flows as configured now, so that an operator's change applies to the
     * next subscription; a value made invalid since the start leaves the one read at start.
     */
    private int maximumMonitoredFlows() {
        var config = ConfigProvider.getConfig();
        try {
            return ServerParameters.from(name -> config.getOptionalValue(name, String.class)).maximumMonitoredFlows();
        } catch (InvalidServerParameterException e) {
            LOG.warning(e.getMessage() + "; the monitor keeps " + parameters.maximumMonitoredFlows());
            return parameters.maximumMonitoredFlows();
        }
    }

    /** The variables of a process version whose values the viewer may not see (data access security). */
    public Set<String> restricted(Viewer viewer, String process, Integer version) {
        var compiled = catalog.find(em, process, version);
        if (compiled.isEmpty() || compiled.get().definition().securitySpecifications().isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(DataAccess.restricted(compiled.get().definition(), caller(viewer)));
    }

    public List<StoredEvent> after(long seq, long upTo, int limit) {
        return MonitorStore.after(em, seq, upTo, limit);
    }

    public long last() {
        return MonitorStore.last(em);
    }

    /** The highest number of the events recorded before {@code instant}, 0 when none. */
    public long lastBefore(Instant instant) {
        return MonitorStore.lastBefore(em, instant);
    }

    public long completeAfter() {
        return MonitorStore.completeAfter(em);
    }

    public void keepActive(Instant now, Instant until) {
        MonitorStore.keepActive(em, now, until);
    }

    public int purge(Instant before) {
        return MonitorStore.purge(em, before);
    }

    private Caller caller(Viewer viewer) {
        return new Caller(viewer.name(), viewer.roles()::contains,
                Set.copyOf(WorkgroupRouting.workgroupsOf(em, viewer.name())));
    }
}
