package org.ipaserver.report;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipaserver.admin.IpaServer;
import org.ipaserver.admin.PooledThreads;
import org.ipaserver.job.JobWorkers;

/**
 * Runs a reporting pass every {@code ipa.report.rollupSeconds} on each instance while the flow
 * store is usable; instances of a cluster take turns through the cursor, never adding a window twice.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportSchedule {

    private static final Logger LOG = Logger.getLogger(ReportSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @EJB
    ReportService reports;
    @EJB
    IpaServer server;
    @Inject
    @ConfigProperty(name = "ipa.report.rollupSeconds", defaultValue = "60")
    long periodSeconds;

    private ScheduledFuture<?> passes;

    @PostConstruct
    void start() {
        passes = scheduler.scheduleWithFixedDelay(PooledThreads.guarded(this::pass), Math.min(5, periodSeconds),
                periodSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        passes.cancel(false);
    }

    private void pass() {
        var store = server.store();
        if (store == null || !store.usable()) {
            return;
        }
        try {
            reports.rollUp();
        } catch (RuntimeException e) {
            LOG.warning("A reporting pass failed; the next one takes its window again: " + JobWorkers.reason(e));
        }
    }
}
