package org.ipaserver.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.LaunchGate;
import org.ipaserver.job.FlowJobs;
import org.ipaserver.job.JobWorkers;
import org.ipaserver.store.StoreFailures;
import org.ipaserver.workitem.WorkItemService;

/**
 * Start-up of this server instance: check the flow store (event IDs 41043–41046), restore what was
 * in hand when it stopped (work items come back held, calls in flight come back restored in
 * error), then poll for due jobs, first the timers that came due while the server was down.
 * Launches are refused while the store is unusable, and until those timers have fired when
 * PAS_blockLaunchDuringRestore is set.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // store checks and polling manage their own
@LocalBean
@Local(LaunchGate.class)
public class IpaServer implements LaunchGate {

    public static final String DATA_SOURCE = "jdbc/ipa";
    private static final Logger LOG = Logger.getLogger(IpaServer.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @EJB
    FlowJobs jobs;
    @Inject
    JobWorkers workers;
    @EJB
    WorkItemService workItems;
    @Inject
    ServerParameters parameters;
    @Inject
    FlowEngine engine;
    @Inject
    @ConfigProperty(name = "ipa.timerPollMillis", defaultValue = "500")
    long pollMillis;
    @Inject
    @ConfigProperty(name = "ipa.store.createSchema", defaultValue = "true")
    boolean createSchemaOnH2;

    private volatile StoreStatus store = StoreStatus.notChecked();
    private volatile boolean restoring = true;
    /** Whether what this instance had in hand when it stopped was restored (once, at the first usable check). */
    private volatile boolean restored;
    private volatile boolean stopping;
    private ScheduledFuture<?> poller;
    /** Unreachable databases are re-checked with a back-off up to 10 s, a missing schema every poll. */
    private StoreRecheck recheck;
    /** Timers due before this instant are the restore phase's; later ones are ordinary work. */
    private final java.time.Instant startedAt = java.time.Instant.now();

    @PostConstruct
    void start() {
        LOG.info("IPA Server starting; storage ID " + engine.storageId() + "; parameters "
                + parameters.asMap());
        recheck = new StoreRecheck(pollMillis, 10_000);
        checkStore();
        poller = scheduler.scheduleWithFixedDelay(this::tick, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (poller != null) {
            poller.cancel(false);
        }
    }

    public StoreStatus store() {
        return store;
    }

    /**
     * A request or a job found the database unreachable: the store is unusable (event 41045)
     * until the next check connects again, readiness goes down and launches are refused meanwhile.
     */
    public void storeUnreachable(Throwable failure) {
        var was = store;
        if (was.usable()) {
            store = new StoreStatus(false, StoreStatus.CANNOT_CONNECT, "Lost the connection to the flow store "
                    + "through data source " + DATA_SOURCE + " (" + JobWorkers.reason(failure) + "); launches are "
                    + "refused and jobs wait until it answers again, which the server checks by itself.");
            LOG.severe("IPA event " + StoreStatus.CANNOT_CONNECT + ": " + store.message());
        }
    }

    @Override
    public String launchBlockedReason() {
        if (!store.usable()) {
            return "the flow store is unusable (event " + store.eventId() + "): " + store.summary() + "; try again "
                    + "shortly";
        }
        if (restoring && parameters.blockLaunchDuringRestore()) {
            return "the server is restoring flows (PAS_blockLaunchDuringRestore); try again shortly";
        }
        return null;
    }

    private void tick() {
        if (stopping) {
            return;
        }
        try {
            if (!store.usable()) {
                if (recheck.due(System.currentTimeMillis())) {
                    checkStore();
                }
                return;
            }
            workers.poll();
            if (restoring && jobs.overdueAt(startedAt) == 0) {
                restoring = false;
                LOG.info("IPA Server restored its waiting flows; launches are open");
            }
        } catch (RuntimeException e) {
            if (StoreFailures.unreachable(e)) {
                storeUnreachable(e);
            } else {
                LOG.warning("Job pass failed: " + JobWorkers.reason(e));
            }
        }
    }

    private void restoreCalls() {
        try {
            int restored = jobs.restoreCalls(startedAt);
            if (restored > 0) {
                LOG.warning("IPA Server restored " + restored + " flows in error: their external calls were in "
                        + "flight when the server stopped (a manager retries, skips or cancels them)");
            }
        } catch (RuntimeException e) {
            LOG.warning("Restoring calls in flight failed: " + e);
        }
    }

    private void restoreWorkItems() {
        try {
            int restored = workItems.restore();
            if (restored > 0) {
                LOG.info("IPA Server restored " + restored + " work items that were being processed: they are held");
            }
        } catch (RuntimeException e) {
            LOG.warning("Restoring work items failed: " + e);
        }
    }

    private void checkStore() {
        DataSource dataSource = null;
        try {
            dataSource = InitialContext.doLookup(DATA_SOURCE);
        } catch (NamingException e) {
            // reported as event 41043 by the check
        }
        var lost = store.eventId() == StoreStatus.CANNOT_CONNECT && restored;
        store = StoreCheck.log(new StoreCheck(DATA_SOURCE, createSchemaOnH2).check(dataSource), store);
        recheck.checked(store, System.currentTimeMillis());
        if (store.usable() && !restored) {
            restoreWorkItems();
            restoreCalls();
            restored = true;
        } else if (store.usable() && lost) {
            // the server kept running: what it has in hand is still live, nothing is restored
            LOG.info("IPA Server reaches its flow store again; launches are open and jobs go on");
        }
    }
}
