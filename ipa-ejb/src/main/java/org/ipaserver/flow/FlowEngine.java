package org.ipaserver.flow;

import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ipaserver.action.CallResult;
import org.ipaserver.action.Outcome;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.refusal.InvalidInput;

/**
 * The flow use cases over one persistence context: launch, resume a due timer, cancel. A flow
 * runs in memory from one wait point to the next; only then are its row and its state document
 * written: at a wait point its row and its document in flowexec_Storage, at its end its row alone
 * (which takes the final document), so a straight-through flow costs one insert. The caller owns
 * the transaction.
 */
public final class FlowEngine {

    /** Flow ids an IN list of {@link #readStates} takes at most (SQL Server allows 2,100 parameters). */
    private static final int IN_LIST_CHUNK = 500;

    private final DefinitionCatalog catalog;
    private final Executor executor;
    private final Clock clock;
    /** Its epoch changes when the instance registers its storage ID again ({@link #adopt}). */
    private volatile FlowOwner owner;
    private volatile OwnRegistration ownRegistration;
    private final int depthThreshold;
    private final WorkItemDispatch workItems;
    private final CallStarter calls;
    /** The live monitor's journal once the server wires it ({@link #tellEventsTo}). */
    private volatile FlowEvents events = FlowEvents.NONE;

    /**
     * Starts the external calls a transaction committed; the server's implementation waits for the
     * commit, so that no call runs for a flow whose "calling" state was rolled back.
     */
    @FunctionalInterface
    public interface CallStarter {
        void start(CallRequest request);
    }

    /** A due job, leased to the caller: {@link FlowRecord#TIMER} or {@link FlowRecord#CALL}. */
    public record Job(String flowId, String kind) {
    }

    public FlowEngine(DefinitionCatalog catalog, Clock clock, String storageId, int depthThreshold,
                      WorkItemDispatch workItems) {
        this(catalog, clock, new FlowOwner(storageId, 0), depthThreshold, workItems, request -> {
            throw new IllegalStateException("this engine makes no external calls");
        });
    }

    public FlowEngine(DefinitionCatalog catalog, Clock clock, FlowOwner owner, int depthThreshold,
                      WorkItemDispatch workItems, CallStarter calls) {
        this.catalog = catalog;
        this.workItems = workItems;
        this.executor = new Executor(catalog.expressions(), clock);
        this.clock = clock;
        this.owner = owner;
        this.depthThreshold = depthThreshold;
        this.calls = calls;
    }

    public String storageId() {
        return owner.storageId();
    }

    /** From now on what happens to flows is told to {@code events}, in the transaction of each change. */
    public void tellEventsTo(FlowEvents events) {
        this.events = events == null ? FlowEvents.NONE : events;
    }

    /**
     * Tells an event of a flow that happened outside the engine (a work item picked up or
     * completed at the desk), in the caller's transaction; nothing when nobody listens.
     */
    public void tell(EntityManager em, String flowId, FlowEvent.Kind kind, Map<String, Object> data,
                     Map<String, Object> variables) {
        if (events.listening(em)) {
            var record = em.find(FlowRecord.class, flowId);
            if (record != null) {
                events.happened(em, FlowEvent.of(record, kind, clock.instant(), data, variables));
            }
        }
    }

    private void tell(EntityManager em, FlowRecord record, FlowEvent.Kind kind, Map<String, Object> data,
                      Map<String, Object> variables) {
        if (events.listening(em)) {
            events.happened(em, FlowEvent.of(record, kind, clock.instant(), data, variables));
        }
    }

    /** Names and values, those without a value left out. */
    private static Map<String, Object> data(Object... namesAndValues) {
        var data = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                data.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return data;
    }

    public FlowOwner owner() {
        return owner;
    }

    /**
     * This instance registered its storage ID at a new epoch: the flows of that storage ID that can
     * still move carry it from now on (their row version bumped too, so that a write prepared under
     * the old epoch fails). Call {@link #adopt(FlowOwner)} once this has committed.
     */
    public int moveToEpoch(EntityManager em, long epoch) {
        return em.createQuery("UPDATE FlowRecord f SET f.ownerEpoch = :epoch, f.rowVersion = f.rowVersion + 1 "
                        + "WHERE f.storageId = :storage AND f.ownerEpoch <> :epoch AND f.status NOT IN :ended")
                .setParameter("epoch", epoch).setParameter("storage", owner.storageId())
                .setParameter("ended", FlowStatus.ENDED_CODES)
                .executeUpdate();
    }

    /** From now on this engine writes as {@code owner} (same storage ID, the epoch just registered). */
    public void adopt(FlowOwner newOwner) {
        if (!newOwner.storageId().equals(owner.storageId())) {
            throw new IllegalArgumentException("an engine keeps its storage ID " + owner.storageId());
        }
        owner = newOwner;
    }

    /** Starts a flow and runs it to its first wait point or its end; returns its id. */
    public String launch(EntityManager em, String definition, Integer version, Map<String, JsonValue> variables,
                         String launchedBy) {
        return launch(em, FlowIds.next(), definition, version, variables, launchedBy);
    }

    /**
     * {@link #launch} under an id the caller chose ({@link FlowIds#next()}), which it can name even
     * when the answer to the commit is lost.
     */
    public String launch(EntityManager em, String id, String definition, Integer version,
                         Map<String, JsonValue> variables, String launchedBy) {
        return start(em, id, definition, version, variables, launchedBy).record.id();
    }

    /**
     * {@link #launch}, answered with the flow's view made from the run in hand: nothing is read
     * back after the write (a flow just launched has no related interactions).
     */
    public FlowView launchAndView(EntityManager em, String id, String definition, Integer version,
                                  Map<String, JsonValue> variables, String launchedBy) {
        var run = start(em, id, definition, version, variables, launchedBy);
        return view(run.record, run.state.globals(), run.state.history(run.process), run.state.historyDropped(),
                List.of());
    }

    /**
     * PAS_LoadBalanceThreshold: launches a flow as {@code to}'s, another instance's. It is checked,
     * written and told as {@link #launch} does, but stands at its start, waiting on a timer due now:
     * {@code to}'s job workers run it as a timer that fires. The caller holds {@code to}'s
     * registration at that epoch locked for its transaction, so that a re-registration or a
     * take-over of {@code to} moves this flow with the others.
     */
    public FlowRecord handOver(EntityManager em, String id, FlowOwner to, String definition, Integer version,
                               Map<String, JsonValue> variables, String launchedBy) {
        var run = begin(em, id, to, definition, version, variables, launchedBy, data("handedTo", to.storageId()));
        var record = run.record;
        var now = record.startedAt();
        run.state.waitingOn = "its start by instance " + to.storageId() + " (handed over: PAS_LoadBalanceThreshold)";
        run.state.wakeAt = now;
        record.update(FlowStatus.WAITING, run.state, now);
        stateChanged(em, record, null); // it has entered its start state, as a launch tells
        tell(em, record, FlowEvent.Kind.WAITING_ON, data("on", "timer", "until", now, "description",
                record.waitingOn()), Map.of());
        run.save(em, now);
        return record;
    }

    private FlowRun start(EntityManager em, String id, String definition, Integer version,
                          Map<String, JsonValue> variables, String launchedBy) {
        var run = begin(em, id, owner, definition, version, variables, launchedBy, Map.of());
        advance(em, run, executor.run(run.process, run.state));
        return run;
    }

    /** A new flow for {@code owner}, checked, written at its start and told as launched; not yet run. */
    private FlowRun begin(EntityManager em, String id, FlowOwner owner, String definition, Integer version,
                          Map<String, JsonValue> variables, String launchedBy, Map<String, Object> launched) {
        var process = catalog.find(em, definition, version)
                .orElseThrow(() -> new FlowExceptions.UnknownDefinition(definition, version));
        var inputs = FlowInputs.check(process, variables);
        var record = new FlowRecord(id, process, owner, launchedBy, null, 0, clock.instant());
        em.persist(record);
        var run = new FlowRun(process, record, executor.start(process, inputs), null);
        tell(em, record, FlowEvent.Kind.LAUNCHED, launched, run.state.globals());
        return run;
    }

    /**
     * Resumes a flow whose timer job is due (a Wait, a work item's deadline, a manager's retry);
     * false when it is not (already resumed, cancelled, not yet due).
     */
    public boolean resumeTimer(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null || record.status() != FlowStatus.WAITING || !FlowRecord.TIMER.equals(record.job())
                || record.nextRunAt() == null || record.nextRunAt().isAfter(clock.instant())) {
            return false;
        }
        requireOwner(record);
        var run = FlowRun.load(em, catalog, record);
        if (run.state.workItemId != null) {
            workItems.withdraw(em, run.state.workItemId);
            advance(em, run, executor.workItemTimedOut(run.process, run.state));
        } else {
            advance(em, run, executor.run(run.process, run.state));
        }
        return true;
    }

    /**
     * The work item a flow waits for was completed: {@code values} (variable → value, already
     * checked against the form) go to the flow, then the button's exit path runs.
     */
    public void workItemCompleted(EntityManager em, String flowId, String workItemId, String button,
                                  Map<String, Object> values) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null || record.status() != FlowStatus.WAITING) {
            throw new FlowExceptions.FlowEnded(flowId, record == null ? FlowStatus.CANCELLED : record.status());
        }
        requireOwner(record);
        var run = FlowRun.load(em, catalog, record);
        if (!workItemId.equals(run.state.workItemId)) {
            throw new IllegalStateException("flow " + flowId + " does not wait for work item " + workItemId);
        }
        advance(em, run, executor.workItemCompleted(run.process, run.state, button, values));
    }

    public void cancel(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        if (record.status().ended()) {
            throw new FlowExceptions.FlowEnded(flowId, record.status());
        }
        requireOwner(record);
        cancelTree(em, record);
        if (record.parentFlowId() != null) {
            var parent = em.find(FlowRecord.class, record.parentFlowId());
            if (parent != null && parent.status() == FlowStatus.WAITING) {
                parent.fail(null, "child flow " + flowId + " was cancelled", clock.instant());
                tell(em, parent, FlowEvent.Kind.INCIDENT, data("error", parent.errorMessage()), Map.of());
            }
        }
    }

    /** The ids of this owner's flows whose timer jobs are due, oldest first. */
    public List<String> dueTimers(EntityManager em, int limit) {
        return dueJobs(em, FlowRecord.TIMER, limit, clock.instant()).stream().map(row -> (String) row[0]).toList();
    }

    /**
     * Due jobs of one kind, oldest first, as (id, lease) pairs. One kind at a time, so that the
     * index on (storage_id, job, next_run_at) hands them over in order: a claim reads about as
     * many rows as it takes, however many are due. The order names the whole index prefix (the
     * first two are fixed) because H2 reads an index in order only then. No condition on the status:
     * a next run is set only while a flow waits, and without statistics (a table never analyzed)
     * PostgreSQL took such a condition as a reason to read the (storage_id, status) index and sort
     * every due row instead.
     */
    private List<Object[]> dueJobs(EntityManager em, String kind, int limit, java.time.Instant now) {
        if (limit <= 0) {
            return List.of();
        }
        return em.createQuery("SELECT f.id, f.leaseUntil FROM FlowRecord f WHERE f.storageId = :storage "
                        + "AND f.job = :kind AND f.nextRunAt <= :now AND f.ownerEpoch = :epoch "
                        + "AND (f.leaseUntil IS NULL OR f.leaseUntil < :now) ORDER BY f.storageId, f.job, f.nextRunAt",
                        Object[].class)
                .setParameter("storage", owner.storageId()).setParameter("kind", kind).setParameter("now", now)
                .setParameter("epoch", owner.epoch()).setMaxResults(limit).getResultList();
    }

    /** Leases this owner's due jobs, calls first, then timers, up to {@code limit} in all. */
    public List<Job> claimDueJobs(EntityManager em, int limit, Duration lease) {
        var claimed = new java.util.ArrayList<>(claimDueJobs(em, FlowRecord.CALL, limit, lease));
        claimed.addAll(claimDueJobs(em, FlowRecord.TIMER, limit - claimed.size(), lease));
        return claimed;
    }

    /**
     * Leases this owner's due jobs of one kind ({@link FlowRecord#TIMER} or {@link FlowRecord#CALL})
     * to the caller until now + {@code lease}, oldest first, in one update for the lot. A call
     * whose lease ran out was in flight with no answer: it is restored in error, not made again.
     */
    public List<Job> claimDueJobs(EntityManager em, String kind, int limit, Duration lease) {
        var now = clock.instant();
        List<String> leased = new java.util.ArrayList<>();
        for (var row : dueJobs(em, kind, limit, now)) {
            var id = (String) row[0];
            if (FlowRecord.CALL.equals(kind) && row[1] != null) {
                var record = em.find(FlowRecord.class, id);
                record.restoredInError(now);
                tell(em, record, FlowEvent.Kind.RESTORED_IN_ERROR, data("error", record.errorMessage()), Map.of());
            } else {
                leased.add(id);
            }
        }
        if (!leased.isEmpty()) {
            // the owner again in the update: a flow taken over since the read is not leased (fenced)
            int won = em.createQuery("UPDATE FlowRecord f SET f.leaseUntil = :until WHERE f.id IN :ids "
                            + "AND f.storageId = :storage AND f.ownerEpoch = :epoch")
                    .setParameter("until", now.plus(lease)).setParameter("ids", leased)
                    .setParameter("storage", owner.storageId()).setParameter("epoch", owner.epoch()).executeUpdate();
            if (won < leased.size()) { // some went to another instance since the read: only the rest are run
                leased = em.createQuery("SELECT f.id FROM FlowRecord f WHERE f.id IN :ids "
                                + "AND f.storageId = :storage AND f.ownerEpoch = :epoch", String.class)
                        .setParameter("ids", leased).setParameter("storage", owner.storageId())
                        .setParameter("epoch", owner.epoch()).getResultList();
            }
        }
        return leased.stream().map(id -> new Job(id, kind)).toList();
    }

    /** How many of this owner's timer jobs were due at {@code instant} and have not run yet. */
    public long overdueAt(EntityManager em, java.time.Instant instant) {
        return em.createQuery("SELECT COUNT(f) FROM FlowRecord f WHERE f.storageId = :storage AND f.job = :timer "
                        + "AND f.status = :waiting AND f.nextRunAt <= :instant AND f.jobAttempts = 0", Long.class)
                .setParameter("storage", owner.storageId()).setParameter("timer", FlowRecord.TIMER)
                .setParameter("waiting", FlowStatus.WAITING.code()).setParameter("instant", instant)
                .getSingleResult();
    }

    /**
     * A job's attempt failed for a reason outside the flow (its transaction rolled back): it runs
     * again after a back-off, and after {@code maxAttempts} it is an incident: the flow in error
     * with the reason and the step, until a manager retries it.
     */
    public void jobFailed(EntityManager em, String flowId, String reason, int maxAttempts) {
        var record = em.find(FlowRecord.class, flowId);
        // a flow that no longer waits (an incident already, cancelled) gets no next run
        if (record == null || !owner.owns(record) || record.job() == null || record.status() != FlowStatus.WAITING) {
            return;
        }
        var now = clock.instant();
        var attempts = record.jobAttempts() + 1;
        String step = record.currentState();
        try {
            step = FlowRun.load(em, catalog, record).stepPath();
        } catch (RuntimeException e) {
            // the state cannot be read (the likely reason of the failure): the state name must do
        }
        if (attempts >= maxAttempts) {
            record.jobFailed(step, "incident: the " + record.job() + " job failed " + attempts + " times; last: "
                    + reason, null, now);
            tell(em, record, FlowEvent.Kind.INCIDENT, data("error", record.errorMessage(), "step", step), Map.of());
        } else {
            record.jobFailed(step, reason, now.plus(backoff(attempts)), now);
        }
    }

    /**
     * At start: calls this owner had in flight before {@code startedAt} got no answer; they are
     * restored in error, never made again blindly. Returns how many.
     */
    public int restoreCalls(EntityManager em, java.time.Instant startedAt) {
        var inFlight = em.createQuery("SELECT f FROM FlowRecord f WHERE f.storageId = :storage AND f.job = :call "
                        + "AND f.status = :waiting AND f.leaseUntil IS NOT NULL AND f.updatedAt < :started",
                        FlowRecord.class)
                .setParameter("storage", owner.storageId()).setParameter("call", FlowRecord.CALL)
                .setParameter("waiting", FlowStatus.WAITING.code()).setParameter("started", startedAt)
                .getResultList();
        var now = clock.instant();
        inFlight.forEach(record -> {
            record.restoredInError(now);
            tell(em, record, FlowEvent.Kind.RESTORED_IN_ERROR, data("error", record.errorMessage()), Map.of());
        });
        return inFlight.size();
    }

    /**
     * Makes the call a leased call job stands for again (a retry or a back-off): a new attempt of
     * the same step, its inputs evaluated anew. Null when the flow no longer waits on it.
     */
    public CallRequest prepareCall(EntityManager em, String flowId) {
        var run = waitingOnCall(em, flowId, null);
        if (run == null) {
            return null;
        }
        var outcome = executor.callAgain(run.process, run.state);
        if (outcome instanceof Outcome.CallRequested call) {
            var request = request(run, call, run.state.call.number(), run.state.call.attempt() + 1);
            var now = clock.instant();
            run.record.calling(request.description(), callLease(request.timeout(), now), now);
            run.save(em, now);
            tell(em, run.record, FlowEvent.Kind.WAITING_ON, data("on", "call", "description", request.description(),
                    "attempt", request.attempt()), Map.of());
            return request;
        }
        advance(em, run, outcome);
        return null;
    }

    /**
     * The answer of call {@code number}: accepted only while the flow still waits on that call (a
     * late or duplicate answer changes nothing and gives false).
     */
    public boolean callEnded(EntityManager em, String flowId, int number, CallResult result) {
        var run = waitingOnCall(em, flowId, number);
        if (run == null) {
            return false;
        }
        advance(em, run, executor.callEnded(run.process, run.state, result));
        return true;
    }

    /**
     * A call could not be made for a reason of the moment (the far side down): made again after a
     * back-off; after {@code maxAttempts} the action takes its failure exit with {@code reason}.
     */
    public void callFailed(EntityManager em, String flowId, int number, String reason, int maxAttempts) {
        var run = waitingOnCall(em, flowId, number);
        if (run == null) {
            return;
        }
        if (run.state.call.attempt() >= maxAttempts) {
            advance(em, run, executor.callEnded(run.process, run.state, CallResult.failure(reason + " (after "
                    + run.state.call.attempt() + " attempts)")));
            return;
        }
        var now = clock.instant();
        run.record.jobFailed(run.stepPath(), reason, now.plus(backoff(run.state.call.attempt())), now);
    }

    /**
     * A manager retries a flow in error or restored in error: a call is made again as a new
     * attempt of the same step (same idempotency key); anything else runs again from the step
     * that failed.
     */
    public void retry(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        if (record.status() != FlowStatus.ERROR && record.status() != FlowStatus.RESTORED_IN_ERROR) {
            throw new FlowExceptions.NotInThatState("flow '" + flowId + "' is " + record.status().code()
                    + ": only a flow in error or restored-in-error can be retried");
        }
        requireOwner(record);
        var run = FlowRun.load(em, catalog, record);
        if (run.state.top() == null) {
            throw new FlowExceptions.NotInThatState("flow '" + flowId + "' has no step left to retry");
        }
        // a call is made again as a new attempt; anything else runs again from its step
        record.retry(run.state.call != null ? FlowRecord.CALL : FlowRecord.TIMER, "retrying " + run.stepPath(),
                clock.instant());
        tell(em, record, FlowEvent.Kind.RETRIED, data("step", run.stepPath()), Map.of());
    }

    /**
     * A manager skips the call a flow waits at (restored in error, or in error on it): the action
     * ends on {@code exit} without calling, and the flow goes on along that path.
     */
    public void skip(EntityManager em, String flowId, String exit) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        if (record.status().ended() || record.status() == FlowStatus.RUNNING) {
            throw new FlowExceptions.NotInThatState("flow '" + flowId + "' is " + record.status().code()
                    + ": there is no call to skip");
        }
        requireOwner(record);
        var run = FlowRun.load(em, catalog, record);
        if (run.state.call == null) {
            throw new FlowExceptions.NotInThatState("flow '" + flowId + "' does not wait at an external call");
        }
        var action = run.externalAction();
        if (!CallResult.SUCCESS.equals(exit) && !action.exits().containsKey(exit)) {
            var known = new java.util.TreeSet<>(action.exits().keySet());
            known.add(CallResult.SUCCESS);
            throw new InvalidInput(List.of(new InvalidInput.FieldError("exit", "the "
                    + action.type() + " at " + action.path() + " has no exit path '" + exit + "' (it has: "
                    + String.join(", ", known) + ")")));
        }
        advance(em, run, executor.callEnded(run.process, run.state, new CallResult(exit, Map.of(),
                "skipped by a manager")));
    }

    /**
     * The flow while it waits on an external call (call {@code number}, or any when null), loaded;
     * null when it no longer does: ended, cancelled, answered, or waiting on another call.
     */
    private FlowRun waitingOnCall(EntityManager em, String flowId, Integer number) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null || record.status() != FlowStatus.WAITING || !FlowRecord.CALL.equals(record.job())) {
            return null;
        }
        requireOwner(record);
        var run = FlowRun.load(em, catalog, record);
        var call = run.state.call;
        return call == null || number != null && call.number() != number ? null : run;
    }

    /** 1 s after the first failed attempt, doubling, at most 5 minutes. */
    private static Duration backoff(int attempts) {
        return Duration.ofMillis(Math.min(300_000, 1000L << Math.min(attempts - 1, 20)));
    }

    /**
     * A write beside the flow's own (to its work item) is its owner's to make, and fails at commit
     * if the flow was taken over after it was read (its row version is checked then), so that an
     * instance that lost the flow writes nothing of it. A flow another instance owns is taken here
     * first when it only waits (no job in hand, no call in flight) and this instance holds its own
     * registration (see {@link #takeFlowsForWork}): work on a work item goes on where the user
     * works it. Otherwise the write is refused.
     */
    public void requireOwnerOf(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        if (owner.owns(record)) {
            em.lock(record, jakarta.persistence.LockModeType.OPTIMISTIC);
            return;
        }
        var registration = ownRegistration;
        var self = owner;
        if (registration == null || !record.onlyWaits() || !registration.heldLive(em, self)) {
            throw new FlowExceptions.NotOwner(record.id(), record.storageId());
        }
        // Read again under a row lock: a job lease its owner took since (an update that leaves the
        // row version alone) shows now, and one it tries meanwhile waits for this commit, then
        // finds the flow another's. Its row version goes up at the commit.
        em.refresh(record, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (self.owns(record)) {
            return;
        }
        if (!record.onlyWaits() || openChildren(em, record.id())) {
            throw new FlowExceptions.NotOwner(record.id(), record.storageId());
        }
        record.ownedBy(self);
    }

    /** A flow with subprocesses still open stays with their owner, which they resume. */
    private static boolean openChildren(EntityManager em, String flowId) {
        return !em.createQuery("SELECT f.id FROM FlowRecord f WHERE f.parentFlowId = :id AND f.status NOT IN :ended",
                        String.class).setParameter("id", flowId)
                .setParameter("ended", FlowStatus.ENDED_CODES)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Lets this engine take a waiting flow from another instance when a user works its work item
     * here, if {@code registration} says this instance still holds its own; without it (one server,
     * tests) such work is refused as another's.
     */
    public void takeFlowsForWork(OwnRegistration registration) {
        this.ownRegistration = registration;
    }

    private void requireOwner(FlowRecord record) {
        if (!owner.owns(record)) {
            throw new FlowExceptions.NotOwner(record.id(), record.storageId());
        }
    }

    private CallRequest request(FlowRun run, Outcome.CallRequested call, int number, int attempt) {
        run.state.call = new FlowState.PendingCall(number, attempt);
        var key = java.util.UUID.nameUUIDFromBytes((run.record.id() + "/call/" + number)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        var request = new CallRequest(run.record.id(), number, attempt, key, call.action(), call.inputs(),
                call.timeout());
        run.state.waitingOn = request.description();
        return request;
    }

    /** How long a call stays leased: its timeout and a margin; past it, its fate is unknown. */
    private static java.time.Instant callLease(Duration timeout, java.time.Instant now) {
        if (timeout != null && timeout.isZero()) {
            return now.plus(Duration.ofDays(3650)); // waits without limit
        }
        return now.plus(timeout == null ? Duration.ofHours(1) : timeout).plus(Duration.ofMinutes(1));
    }

    public FlowView view(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        Map<String, Object> variables = Map.of();
        List<FlowState.Step> history = List.of();
        long dropped = 0;
        try {
            var run = FlowRun.load(em, catalog, record);
            variables = run.state.globals();
            history = run.state.history(run.process);
            dropped = run.state.historyDropped();
        } catch (RuntimeException e) {
            // a state that cannot be read (the cause of an incident, often) must not hide the flow's row
        }
        return view(record, variables, history, dropped, RelatedInteractions.of(em, flowId));
    }

    private FlowView view(FlowRecord record, Map<String, Object> variables, List<FlowState.Step> history,
                          long dropped, List<RelatedInteraction.View> interactions) {
        var end = record.endedAt() != null ? record.endedAt() : clock.instant();
        return new FlowView(record.id(), record.definitionName(), record.definitionVersion(), record.status().code(),
                record.currentState(), record.launchedBy(), record.parentFlowId(), record.startedAt(),
                record.updatedAt(), record.endedAt(), Duration.between(record.startedAt(), end).toMillis(),
                record.waitingOn(), record.wakeAt(), record.errorMessage(), record.errorStep(), variables,
                history, dropped, interactions, java.util.Set.of());
    }

    /**
     * A flow's variables as its state stands (what a work item's form shows), without the rest of
     * its view; empty when its state cannot be read, as in {@link #view}.
     */
    public Map<String, Object> variables(EntityManager em, String flowId) {
        var record = em.find(FlowRecord.class, flowId);
        if (record == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        try {
            return FlowRun.load(em, catalog, record).state.globals();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * Reads the state documents of these flows in one query, so that their {@link #variables} cost
     * no query each (a list of work items shows the values of many flows).
     */
    public void readStates(EntityManager em, java.util.Collection<String> flowIds) {
        var ids = List.copyOf(flowIds);
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            em.createQuery("SELECT s FROM FlowStorage s WHERE s.flowId IN :ids", FlowStorage.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK))).getResultList();
        }
    }

    /** Runs outcomes until every flow touched (a child, then its waiting parent) is at rest, then writes them. */
    private void advance(EntityManager em, FlowRun run, Outcome outcome) {
        while (run != null) {
            var now = clock.instant();
            FlowRun next = null;
            CallRequest started = null;
            var stateBefore = run.record.currentState();
            if (outcome instanceof Outcome.Completed) {
                run.record.update(FlowStatus.COMPLETED, run.state, now);
                stateChanged(em, run.record, stateBefore);
                tell(em, run.record, FlowEvent.Kind.COMPLETED, Map.of(), run.state.globals());
                next = resumeParent(em, run);
            } else if (outcome instanceof Outcome.Waiting) {
                run.record.update(FlowStatus.WAITING, run.state, now);
                stateChanged(em, run.record, stateBefore);
                tell(em, run.record, FlowEvent.Kind.WAITING_ON, data("on", "timer", "until", run.record.wakeAt(),
                        "description", run.record.waitingOn()), Map.of());
            } else if (outcome instanceof Outcome.Failed failed) {
                run.record.update(FlowStatus.ERROR, run.state, now);
                run.record.fail(failed.path(), failed.path() + ": " + failed.message(), now);
                stateChanged(em, run.record, stateBefore);
                tell(em, run.record, FlowEvent.Kind.INCIDENT, data("error", run.record.errorMessage(),
                        "step", failed.path()), Map.of());
                next = failParent(em, run);
            } else if (outcome instanceof Outcome.WorkItemRequested request) {
                run.state.workItemId = workItems.send(em, run.record, run.process, request);
                run.state.waitingOn = "work item " + run.state.workItemId + " ("
                        + (request.action().toWorkgroup() ? "workgroup " : "user ") + request.recipient() + ")";
                run.record.update(FlowStatus.WAITING, run.state, now);
                stateChanged(em, run.record, stateBefore);
                tell(em, run.record, FlowEvent.Kind.WORK_ITEM_SENT, data("workItemId", run.state.workItemId,
                        request.action().toWorkgroup() ? "workgroup" : "user", request.recipient()), Map.of());
                tell(em, run.record, FlowEvent.Kind.WAITING_ON, data("on", "workItem", "workItemId",
                        run.state.workItemId, "description", run.record.waitingOn()), Map.of());
            } else if (outcome instanceof Outcome.CallRequested call) {
                var request = request(run, call, ++run.state.calls, 1);
                run.record.update(FlowStatus.WAITING, run.state, now);
                run.record.calling(request.description(), callLease(request.timeout(), now), now);
                stateChanged(em, run.record, stateBefore);
                tell(em, run.record, FlowEvent.Kind.WAITING_ON, data("on", "call", "description",
                        request.description(), "attempt", 1), Map.of());
                started = request;
            } else if (outcome instanceof Outcome.ChildRequested child) {
                run.record.update(FlowStatus.WAITING, run.state, now);
                stateChanged(em, run.record, stateBefore);
                tell(em, run.record, FlowEvent.Kind.WAITING_ON, data("on", "flow", "process",
                        child.action().process()), Map.of());
                next = startChild(em, run, child);
            }
            run.save(em, clock.instant());
            if (started != null) {
                calls.start(started);
            }
            if (next == null) {
                return;
            }
            run = next;
            outcome = run.pending;
        }
    }

    /** The flow rests in another state than it did: between two rests a flow is in memory only. */
    private void stateChanged(EntityManager em, FlowRecord record, String before) {
        if (record.currentState() != null && !record.currentState().equals(before)) {
            tell(em, record, FlowEvent.Kind.STATE_CHANGED, data("from", before, "to", record.currentState()), Map.of());
        }
    }

    private FlowRun startChild(EntityManager em, FlowRun parent, Outcome.ChildRequested request) {
        var action = request.action();
        var process = catalog.find(em, action.process(), action.version());
        String problem = null;
        if (parent.record.depth() + 1 > depthThreshold) {
            problem = "RunProcess: starting '" + action.process() + "' would nest flows " + (parent.record.depth() + 1)
                    + " deep, over PAS_DepthThreshold (" + depthThreshold + ")";
        } else if (process.isEmpty()) {
            problem = "RunProcess: " + new FlowExceptions.UnknownDefinition(action.process(), action.version())
                    .getMessage();
        }
        Map<String, Object> inputs = Map.of();
        if (problem == null) {
            try {
                inputs = FlowInputs.coerce(process.get(), request.inputs());
            } catch (IllegalArgumentException e) {
                problem = "RunProcess: " + e.getMessage();
            }
        }
        if (problem != null) {
            parent.pending = new Outcome.Failed(action.path(), problem);
            return parent;
        }
        var record = new FlowRecord(FlowIds.next(), process.get(), owner,
                parent.record.launchedBy(), parent.record.id(), parent.record.depth() + 1, clock.instant());
        em.persist(record);
        var child = new FlowRun(process.get(), record, executor.start(process.get(), inputs), parent);
        tell(em, record, FlowEvent.Kind.LAUNCHED, data("parentFlowId", parent.record.id()), child.state.globals());
        child.pending = executor.run(child.process, child.state);
        return child;
    }

    private FlowRun resumeParent(EntityManager em, FlowRun child) {
        var parent = parentOf(em, child);
        if (parent != null) {
            parent.pending = executor.childEnded(parent.process, parent.state, child.state.globals());
        }
        return parent;
    }

    private FlowRun failParent(EntityManager em, FlowRun child) {
        var parent = parentOf(em, child);
        if (parent != null) {
            parent.pending = new Outcome.Failed(parent.runProcessPath(), "child flow " + child.record.id()
                    + " failed: " + child.record.errorMessage());
        }
        return parent;
    }

    private FlowRun parentOf(EntityManager em, FlowRun child) {
        if (child.parent != null) {
            return child.parent;
        }
        if (child.record.parentFlowId() == null) {
            return null;
        }
        var record = em.find(FlowRecord.class, child.record.parentFlowId());
        if (record == null || record.status() != FlowStatus.WAITING) {
            return null;
        }
        requireOwner(record);
        return FlowRun.load(em, catalog, record);
    }

    private void cancelTree(EntityManager em, FlowRecord record) {
        var now = clock.instant();
        var run = FlowRun.load(em, catalog, record);
        if (run.state.workItemId != null) {
            workItems.withdraw(em, run.state.workItemId);
            run.state.workItemId = null;
        }
        run.state.frames.clear();
        record.update(FlowStatus.CANCELLED, run.state, now);
        run.save(em, clock.instant());
        tell(em, record, FlowEvent.Kind.CANCELLED, Map.of(), run.state.globals());
        var children = em.createQuery("SELECT f FROM FlowRecord f WHERE f.parentFlowId = :id AND f.status IN "
                + ":open", FlowRecord.class).setParameter("id", record.id())
                .setParameter("open", List.of(FlowStatus.RUNNING.code(), FlowStatus.WAITING.code(),
                        FlowStatus.ERROR.code())).getResultList();
        children.forEach(child -> cancelTree(em, child));
    }

}
