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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipaserver.admission.LaunchAdmission;
import org.ipaserver.cluster.DataGrid;
import org.ipaserver.cluster.Departures;
import org.ipaserver.cluster.LoadBalance;
import org.ipaserver.cluster.Membership;
import org.ipaserver.cluster.StorageIdInUse;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowOwner;
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
 * PAS_blockLaunchDuringRestore is set. Every second it also looks for other instances whose lease
 * ran out, or that Payara's data grid saw leave and that renew it no more, and takes their flows
 * over (see {@link org.ipaserver.cluster.TakeOver}).
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
    /** For the lease's own thread: Payara's default scheduler runs its tasks on one thread. */
    @Resource
    ManagedThreadFactory threads;
    @EJB
    FlowJobs jobs;
    @Inject
    JobWorkers workers;
    @EJB
    WorkItemService workItems;
    @EJB
    Membership membership;
    @Inject
    ServerParameters parameters;
    @Inject
    LoadBalance balance;
    @Inject
    Departures departures;
    @Inject
    FlowEngine engine;
    @Inject
    LaunchAdmission admission;
    @Inject
    @ConfigProperty(name = "ipa.timerPollMillis", defaultValue = "500")
    long pollMillis;
    @Inject
    @ConfigProperty(name = "ipa.cluster.takeOverScanMillis", defaultValue = "1000")
    long takeOverScanMillis;
    @Inject
    @ConfigProperty(name = "ipa.store.createSchema", defaultValue = "true")
    boolean createSchemaOnH2;

    private volatile StoreStatus store = StoreStatus.notChecked();
    private volatile boolean restoring = true;
    /** Whether what this instance had in hand when it stopped was restored (once, at the first usable check). */
    private volatile boolean restored;
    private volatile boolean stopping;
    private ScheduledFuture<?> poller;
    /** Renews the lease apart from the job passes and take-overs, which may wait on the database for seconds. */
    private ScheduledExecutorService renewer;
    private ScheduledFuture<?> takeOverScan;
    /** Payara's data grid, which tells at once of an instance that left; none on other servers. */
    private volatile DataGrid grid;
    /** When this instance last renewed its lease (System.currentTimeMillis()); launches stop once it lapsed. */
    private volatile long renewedAt;
    /** Unreachable databases are re-checked with a back-off up to 10 s, a missing schema every poll. */
    private StoreRecheck recheck;
    /** Timers due before this instant are the restore phase's; later ones are ordinary work. */
    private final java.time.Instant startedAt = java.time.Instant.now();
    /**
     * The restore phase lasts until no job due before this instant is left: this instance's start,
     * or its last take-over (the flows it took over are restored as its own are at a start).
     */
    private volatile java.time.Instant restoreUntil = startedAt;
    private final Object restoreLock = new Object();
    /**
     * This server process: the same across redeployments in one JVM (which are the same instance),
     * another after a restart.
     */
    private static final String INCARNATION = java.util.UUID.nameUUIDFromBytes((java.lang.management.ManagementFactory
            .getRuntimeMXBean().getName() + "@" + java.lang.management.ManagementFactory.getRuntimeMXBean()
            .getStartTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    /** The epoch this instance registered its storage ID at; 0 while it holds no registration. */
    private volatile long epoch;
    /** Why this instance may not run flows now (its storage ID is another's), or null. */
    private volatile String notAdmitted;
    private long nextHeartbeat;
    private long nextRegistration;

    @PostConstruct
    void start() {
        LOG.info("IPA Server starting; storage ID " + engine.storageId() + "; parameters "
                + parameters.asMap() + "; launch admission " + admission.load()); // a bad setting stops it here
        recheck = new StoreRecheck(pollMillis, 4_000);
        checkStore();
        poller = scheduler.scheduleWithFixedDelay(PooledThreads.guarded(this::tick), 0, pollMillis,
                TimeUnit.MILLISECONDS);
        takeOverScan = scheduler.scheduleWithFixedDelay(PooledThreads.guarded(this::takeOverScan), takeOverScanMillis,
                Math.max(100, takeOverScanMillis), TimeUnit.MILLISECONDS);
        renewer = Executors.newSingleThreadScheduledExecutor(threads);
        long every = Math.max(100, membership.renewal().toMillis() / 4);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        // last: a start that failed before leaves no listener on the server's grid
        grid = DataGrid.join(departures::left, membership.lease().multipliedBy(3));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (poller != null) {
            poller.cancel(false);
        }
        if (takeOverScan != null) {
            takeOverScan.cancel(false);
        }
        if (renewer != null) {
            renewer.shutdown();
            try {
                renewer.awaitTermination(5, TimeUnit.SECONDS); // a renewal under way ends before the release
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (grid != null) {
            grid.close();
        }
        if (epoch > 0) {
            try {
                membership.release(INCARNATION, epoch); // the next start need not wait for the lease
            } catch (RuntimeException e) {
                LOG.info("Could not release storage ID " + engine.storageId() + " (" + e + "); its lease runs out");
            }
        }
    }

    /** Why this instance may not run flows now, safe to tell anyone; null when it holds its storage ID. */
    public String notAdmitted() {
        var refused = notAdmitted;
        return refused != null ? refused : epoch == 0 ? "this instance has not registered its storage ID yet"
                : leaseLapsed() ? LEASE_LAPSED : null;
    }

    private static final String LEASE_LAPSED = "this instance's lease on its storage ID lapsed (it was paused or cut "
            + "off); it checks whether it still holds it; try again shortly";

    /**
     * Paused or cut off long enough that another instance may take its flows: a survivor claims an
     * instance the data grid saw leave once it missed two renewals ({@code Departures}), before its
     * lease runs out, so the gate closes half a second before that, not at the lease's end. A launch
     * let through later could commit a flow under an epoch that no longer runs anything.
     */
    private boolean leaseLapsed() {
        return System.currentTimeMillis() > renewedAt + Departures.silenceBeforeClaim(membership.renewal()).toMillis()
                - 500;
    }

    /**
     * Holds this instance's registration: registers when it has none (refused while another live
     * instance holds the storage ID), renews the lease when due. False while it may not run flows.
     */
    private synchronized boolean admitted() {
        long now = System.currentTimeMillis();
        long period = membership.renewal().toMillis();
        if (epoch == 0) {
            if (now < nextRegistration) {
                return false;
            }
            try {
                long registered = membership.register(INCARNATION, hostName());
                engine.adopt(new FlowOwner(engine.storageId(), registered));
                epoch = registered;
                renewedAt = now;
                notAdmitted = null;
                nextHeartbeat = now + period;
                announce();
                LOG.info("IPA Server holds storage ID " + engine.storageId() + " at epoch " + registered);
                return true;
            } catch (RuntimeException failure) {
                var e = inUse(failure);
                if (notAdmitted == null) {
                    LOG.severe("IPA Server may not run flows: " + e.getMessage());
                }
                notAdmitted = "another live instance holds this instance's storage ID; it runs no flows until that one "
                        + "stops (the server log says more)";
                nextRegistration = now + period;
                return false;
            }
        }
        if (now >= nextHeartbeat) {
            if (!membership.heartbeat(INCARNATION, epoch)) {
                LOG.severe("IPA Server lost storage ID " + engine.storageId() + " (epoch " + epoch + "): its lease ran "
                        + "out and another registration took it (the server was stopped or cut off too long). It stops "
                        + "running flows and registers again.");
                epoch = 0;
                restored = false;
                restoring = true;
                return false;
            }
            nextHeartbeat = now + period;
            renewedAt = now;
            announce();
        }
        return true;
    }

    /** On the renewer's thread: renews the lease when due while this instance holds its storage ID. */
    private void renew() {
        if (stopping || epoch == 0 || !store.usable()) {
            return; // registering, and renewing once the store answers again, are the tick's and the check's
        }
        try {
            admitted();
        } catch (RuntimeException e) {
            if (StoreFailures.unreachable(e)) {
                storeUnreachable(e);
            } else {
                LOG.warning("Renewing the lease of storage ID " + engine.storageId() + " failed: " + JobWorkers.reason(e));
            }
        }
    }

    private void announce() {
        var joined = grid;
        if (joined != null) { // the first registration may come before the grid is joined
            joined.announce(engine.storageId());
        }
    }

    /** The refusal inside a failure to register (a container may wrap it); rethrows any other failure. */
    private static StorageIdInUse inUse(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageIdInUse inUse) {
                return inUse;
            }
        }
        throw failure;
    }

    /** At a store check a failure to register is told, and the next poll tries again. */
    private boolean admittedAtCheck() {
        try {
            return admitted();
        } catch (RuntimeException e) {
            LOG.warning("Registering storage ID " + engine.storageId() + " failed: " + JobWorkers.reason(e));
            return false;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return null;
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
        if (notAdmitted != null) {
            return notAdmitted;
        }
        if (epoch == 0) {
            return "the server is starting; try again shortly";
        }
        if (leaseLapsed()) {
            return LEASE_LAPSED;
        }
        if (restoring && parameters.blockLaunchDuringRestore()) {
            return "the server is restoring flows, its own or those it took over (PAS_blockLaunchDuringRestore); try "
                    + "again shortly";
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
            if (!admitted()) {
                return;
            }
            if (!restored) {
                restoreWorkItems();
                restoreCalls();
                restored = true;
            }
            workers.poll();
            var until = restoreUntil;
            if (restoring && jobs.overdueAt(until) == 0) {
                synchronized (restoreLock) {
                    if (until != restoreUntil) {
                        return; // a take-over came in between: its flows are restored first
                    }
                    restoring = false;
                }
                LOG.info("IPA Server restored its waiting flows" + (until == startedAt ? "" : ", those it took "
                        + "over included") + "; launches are open");
            }
        } catch (RuntimeException e) {
            if (StoreFailures.unreachable(e)) {
                storeUnreachable(e);
            } else {
                LOG.warning("Job pass failed: " + JobWorkers.reason(e));
            }
        }
    }

    /**
     * Counts the live instances' active flows (PAS_LoadBalanceThreshold) and takes over the flows of
     * instances whose lease ran out; one survivor wins each (the claim is a conditional update), the
     * others find nothing to do.
     */
    private void takeOverScan() {
        if (stopping || epoch == 0 || !store.usable()) {
            return;
        }
        takeOvers();
        countActiveFlows();
    }

    /** After the take-overs, and apart: a slow or failed count must not hold one up. */
    private void countActiveFlows() {
        try {
            balance.refresh(membership.activeFlows());
        } catch (RuntimeException e) {
            LOG.fine("Counting the instances' active flows failed: " + JobWorkers.reason(e));
        }
    }

    private void takeOvers() {
        try {
            for (var dead : membership.expired()) {
                long started = System.currentTimeMillis();
                var outcome = membership.takeOver(INCARNATION, dead);
                switch (outcome.result()) {
                    case OWN_LEASE_LOST -> {
                        return; // the next heartbeat finds out and registers again
                    }
                    case LOST_RACE -> {
                    }
                    case TAKEN -> {
                        departures.settled(dead.storageId()); // once committed: a rollback leaves it watched
                        LOG.warning("IPA Server took over storage ID " + dead.storageId() + " ("
                                + (dead.heartbeatAt() == null ? "its lease ran out" : "the data grid saw it leave "
                                + "and it renewed its lease no more") + "): " + outcome.flows() + " unfinished flows moved to storage ID "
                                + engine.storageId() + ", " + outcome.workItemsHeld() + " work items came back held, "
                                + outcome.callsRestoredInError() + " calls in flight restored in error; in "
                                + (System.currentTimeMillis() - started) + " ms");
                        // their overdue timers are restored before new work, as this instance's own at a start
                        synchronized (restoreLock) {
                            restoreUntil = java.time.Instant.now();
                            restoring = true;
                        }
                        if (parameters.blockLaunchDuringRestore()) {
                            LOG.info("IPA Server holds launches until the flows it took over are restored "
                                    + "(PAS_blockLaunchDuringRestore)");
                        }
                    }
                }
                renewedAt = started; // the take-over renewed this instance's lease first
            }
        } catch (RuntimeException e) {
            if (StoreFailures.unreachable(e)) {
                storeUnreachable(e);
            } else {
                LOG.warning("Take-over scan failed: " + JobWorkers.reason(e));
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
        if (store.usable() && !restored && admittedAtCheck()) {
            restoreWorkItems();
            restoreCalls();
            restored = true;
        } else if (store.usable() && lost) {
            // the server kept running: what it has in hand is still live, nothing is restored; an outage
            // longer than the lease left it lapsed, so it is renewed now rather than at the next poll
            admittedAtCheck();
            LOG.info("IPA Server reaches its flow store again; launches are open and jobs go on");
        }
    }
}
