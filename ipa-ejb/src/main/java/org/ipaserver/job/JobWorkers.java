package org.ipaserver.job;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipaserver.action.CallResult;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowRecord;
import org.ipaserver.store.StoreFailures;

/**
 * The bounded pools that fire this instance's jobs: timers on one, external calls (which mostly
 * wait on the far side) on another, so that slow calls never hold timers back. Each job runs in
 * transactions of its own; a failing one backs off and ends as an incident, never in a loop.
 * Outside a server (the benchmark) the same workers run on plain threads over a local store.
 */
@ApplicationScoped
public class JobWorkers {

    private static final Logger LOG = Logger.getLogger(JobWorkers.class.getName());
    /** Jobs leased by one query. */
    private static final int BATCH = 200;
    /** Timers a worker may hold in hand: leased, waiting for it. */
    private static final int IN_HAND = 100;

    @Resource
    ManagedThreadFactory managedThreads;
    @EJB
    JobStore jobs;
    @Inject
    Instance<ExternalCall> externalCalls;
    @Inject
    @ConfigProperty(name = "ipa.jobs.workers", defaultValue = "4")
    int timerWorkers;
    @Inject
    @ConfigProperty(name = "ipa.jobs.callWorkers", defaultValue = "16")
    int callWorkers;
    @Inject
    @ConfigProperty(name = "ipa.jobs.maxAttempts", defaultValue = "5")
    int maxAttempts;
    @Inject
    @ConfigProperty(name = "ipa.jobs.leaseSeconds", defaultValue = "60")
    long leaseSeconds;

    private ThreadFactory threads;
    private ThreadPoolExecutor timerPool;
    private ThreadPoolExecutor callPool;
    private final AtomicInteger timersInHand = new AtomicInteger();
    private final ReentrantLock passing = new ReentrantLock();
    /** The last pass left due timers for lack of room in the workers' hands. */
    private volatile boolean timersBehind;
    private Map<String, ExternalCall> callsByType;
    private volatile boolean stopping;
    private volatile long lastStoreWarning;
    /** Jobs leased by this instance that met a store it could not reach: run again by the next good pass. */
    private final Set<String> timersWaitingForStore = ConcurrentHashMap.newKeySet();
    private final Set<String> callsWaitingForStore = ConcurrentHashMap.newKeySet();

    /** For the container. */
    public JobWorkers() {
    }

    /**
     * Outside a server: {@code timerWorkers} workers on {@code threads} over {@code jobs}, the
     * server's defaults otherwise, no external calls; started at once, stopped by {@link #stop()}.
     */
    public JobWorkers(ThreadFactory threads, JobStore jobs, int timerWorkers) {
        this.threads = threads;
        this.jobs = jobs;
        this.timerWorkers = timerWorkers;
        this.callWorkers = 16;
        this.maxAttempts = 5;
        this.leaseSeconds = 60;
        open(Map.of());
    }

    @PostConstruct
    void start() {
        threads = managedThreads;
        open(externalCalls.stream().collect(Collectors.toMap(ExternalCall::actionType, Function.identity())));
    }

    private void open(Map<String, ExternalCall> calls) {
        timerPool = pool(timerWorkers);
        callPool = pool(callWorkers);
        callsByType = calls;
    }

    private ThreadPoolExecutor pool(int size) {
        return new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    }

    /** Stops taking jobs and gives running ones a moment to end, so no transaction is cut off mid-way. */
    @PreDestroy
    public void stop() {
        stopping = true;
        for (var pool : new ThreadPoolExecutor[] {timerPool, callPool}) {
            pool.shutdown();
        }
        try {
            if (!timerPool.awaitTermination(10, TimeUnit.SECONDS) || !callPool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("Jobs still running at stop: calls in flight are restored in error at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timerPool.shutdownNow();
        callPool.shutdownNow();
    }

    /**
     * One pass: leases due calls, then due timers while the timer workers have room for them in
     * hand (up to 100 a worker). When more timers are due than that, the workers lease the next
     * ones themselves as their hands empty instead of waiting for the next pass, so that a backlog
     * fires as fast as they fire timers, whatever ipa.timerPollMillis. One pass at a time.
     */
    public int poll() {
        if (!passing.tryLock()) {
            return 0; // a pass is under way (workers leasing more)
        }
        try {
            var lease = Duration.ofSeconds(leaseSeconds);
            int leased = 0;
            List<FlowEngine.Job> due;
            do {
                due = jobs.claimDue(FlowRecord.CALL, BATCH, lease);
                if (leased == 0) { // the store answered: the jobs it failed still hold this instance's lease
                    retryWaitingForStore();
                }
                due.forEach(job -> submit(callPool, () -> prepareAndCall(job.flowId())));
                leased += due.size();
            } while (due.size() == BATCH && !stopping);
            var behind = false;
            while (!stopping) {
                int batch = Math.min(BATCH, timerWorkers * IN_HAND - timersInHand.get());
                if (batch <= 0) {
                    behind = true;
                    break;
                }
                due = jobs.claimDue(FlowRecord.TIMER, batch, lease);
                due.forEach(job -> hand(job.flowId()));
                leased += due.size();
                if (due.size() < batch) {
                    break;
                }
            }
            timersBehind = behind;
            return leased;
        } finally {
            passing.unlock();
        }
    }

    private void hand(String timerFlowId) {
        timersInHand.incrementAndGet();
        if (!submit(timerPool, () -> fireTimer(timerFlowId))) {
            timersInHand.decrementAndGet();
        }
    }

    /** More timers are due than the workers held at the last pass: one leases more while some are still in hand. */
    private void leaseMoreWhenLow() {
        if (!timersBehind || stopping || timersInHand.get() > timerWorkers * IN_HAND / 4) {
            return;
        }
        try {
            poll();
        } catch (RuntimeException e) {
            timersBehind = false; // the server's next pass tries again
            if (StoreFailures.passing(e)) {
                storeUnreachable(e);
            } else {
                LOG.warning("Leasing due jobs failed: " + reason(e));
            }
        }
    }

    private void retryWaitingForStore() {
        for (var flowId : List.copyOf(timersWaitingForStore)) {
            timersWaitingForStore.remove(flowId);
            hand(flowId);
        }
        for (var flowId : List.copyOf(callsWaitingForStore)) {
            callsWaitingForStore.remove(flowId);
            submit(callPool, () -> prepareAndCall(flowId));
        }
    }

    /** A flow committed "calling": the call starts once that commit is done, never before. */
    void callCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallRequest request) {
        if (!submit(callPool, () -> call(request))) {
            LOG.warning("Call " + request.number() + " of flow " + request.flowId() + " not started: the server "
                    + "is stopping; it is restored in error at the next start");
        }
    }

    private boolean submit(ThreadPoolExecutor pool, Runnable job) {
        try {
            pool.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void fireTimer(String flowId) {
        try {
            jobs.runTimer(flowId);
        } catch (RuntimeException e) {
            if (StoreFailures.passing(e)) {
                storeUnreachable(e); // not the flow's fault: it fires again once the store answers
                timersWaitingForStore.add(flowId);
                return;
            }
            var reason = reason(e);
            LOG.warning("Timer job of flow " + flowId + " failed: " + reason);
            try {
                jobs.jobFailed(flowId, reason, maxAttempts);
            } catch (RuntimeException again) {
                LOG.warning("Could not record the failed job of flow " + flowId + " (its lease runs out and it is "
                        + "tried again): " + reason(again));
            }
        } finally {
            timersInHand.decrementAndGet();
        }
        leaseMoreWhenLow();
    }

    private void prepareAndCall(String flowId) {
        try {
            var request = jobs.prepareCall(flowId);
            if (request != null) {
                call(request);
            }
        } catch (RuntimeException e) {
            if (StoreFailures.passing(e)) {
                storeUnreachable(e);
                callsWaitingForStore.add(flowId);
                return;
            }
            LOG.warning("Call job of flow " + flowId + " failed: " + reason(e));
            jobs.jobFailed(flowId, reason(e), maxAttempts);
        }
    }

    /** Makes the call with no transaction and no connection held, then resumes the flow in a new one. */
    private void call(CallRequest request) {
        var external = callsByType.get(request.action().type());
        CallResult result;
        try {
            result = external == null ? CallResult.failure("no connector makes " + request.action().type()
                    + " calls on this server") : external.call(request);
        } catch (CallUnavailable e) {
            jobs.callFailed(request, e.getMessage(), maxAttempts);
            return;
        } catch (RuntimeException e) {
            result = CallResult.failure(request.action().type() + " failed: " + reason(e));
        }
        resume(request, result);
    }

    /**
     * The answer is kept in hand across a few failed commits (a lost race, a database hiccup), and
     * while the store cannot be reached, for as long as the call's lease would have lasted.
     */
    private void resume(CallRequest request, CallResult result) {
        long giveUpAt = System.currentTimeMillis() + Math.max(leaseSeconds, 60) * 1000L;
        for (int attempt = 1; ; attempt++) {
            try {
                jobs.callEnded(request, result);
                return;
            } catch (RuntimeException e) {
                var unreachable = StoreFailures.unreachable(e);
                if (unreachable) {
                    storeUnreachable(e);
                }
                if (stopping || (unreachable ? System.currentTimeMillis() > giveUpAt : attempt == 3)) {
                    LOG.warning("The answer of call " + request.number() + " of flow " + request.flowId()
                            + " could not be committed: " + reason(e) + "; the flow is restored in error");
                    return;
                }
                try {
                    Thread.sleep(unreachable ? Math.min(1000L * attempt, 5000L) : 200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A job met a store that cannot be reached or is too slow: said once every half minute, not once per job. */
    private void storeUnreachable(RuntimeException e) {
        long now = System.currentTimeMillis();
        if (now - lastStoreWarning > 30_000) {
            lastStoreWarning = now;
            LOG.warning("Jobs wait for the flow store, which cannot be reached, is too slow or broke a deadlock (" + reason(e)
                    + "); they are not counted as failed attempts and run again once it answers");
        }
    }

    /** The innermost cause in one line: class and message, shortened (messages of ours carry no values). */
    public static String reason(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        var text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
