package org.ipaserver.flow;

import org.ipaserver.definition.CompiledProcess;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The row of a flow in {@code flowexec_Flows}: identity, owner, where it stands, what it waits on;
 * once the flow has ended, also its final state document, so that an ended flow is one row.
 */
@Entity
@Table(name = "flowexec_Flows")
public class FlowRecord {

    @Id
    @Column(name = "flow_id")
    private String id;
    @Column(name = "definition_name")
    private String definitionName;
    @Column(name = "definition_version")
    private int definitionVersion;
    private String status;
    @Column(name = "current_state")
    private String currentState;
    @Column(name = "storage_id")
    private String storageId;
    @Column(name = "launched_by")
    private String launchedBy;
    @Column(name = "parent_flow_id")
    private String parentFlowId;
    private int depth;
    @Column(name = "waiting_on")
    private String waitingOn;
    @Column(name = "wake_at")
    private Instant wakeAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "error_step")
    private String errorStep;
    /** The deferred work of the flow: {@link #TIMER}, {@link #CALL} or none. */
    private String job;
    @Column(name = "next_run_at")
    private Instant nextRunAt;
    @Column(name = "job_attempts")
    private int jobAttempts;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "owner_epoch")
    private long ownerEpoch;
    @Version
    @Column(name = "row_version")
    private long rowVersion;
    /** The final state document of an ended flow; a flow that can still move keeps its document in flowexec_Storage. */
    @Lob
    @Column(name = "state_document")
    private String stateDocument;

    /** Resume the flow at next_run_at: a Wait, a work item's deadline, a retry. */
    public static final String TIMER = "timer";
    /** Make the external call the flow waits at; while leased, the call is in flight. */
    public static final String CALL = "call";

    protected FlowRecord() {
    }

    FlowRecord(String id, CompiledProcess process, FlowOwner owner, String launchedBy, String parentFlowId,
               int depth, Instant now) {
        this.id = id;
        this.ownerEpoch = owner.epoch();
        this.definitionName = process.name();
        this.definitionVersion = process.version();
        this.storageId = owner.storageId();
        this.launchedBy = launchedBy;
        this.parentFlowId = parentFlowId;
        this.depth = depth;
        this.startedAt = now;
        this.updatedAt = now;
        this.status = FlowStatus.RUNNING.code();
    }

    /** Takes over where the flow stands after a run: status, state, wait, end. */
    void update(FlowStatus status, FlowState state, Instant now) {
        this.status = status.code();
        this.currentState = state.currentState();
        this.waitingOn = status == FlowStatus.WAITING ? state.waitingOn() : null;
        this.wakeAt = status == FlowStatus.WAITING ? state.wakeAt() : null;
        this.job = status == FlowStatus.WAITING && wakeAt != null ? TIMER : null;
        this.nextRunAt = wakeAt;
        this.jobAttempts = 0;
        this.leaseUntil = null;
        this.errorStep = null;
        this.updatedAt = now;
        if (status.ended()) {
            this.endedAt = now;
        }
        if (status != FlowStatus.ERROR) {
            this.errorMessage = null;
        }
    }

    void fail(String step, String message, Instant now) {
        this.status = FlowStatus.ERROR.code();
        this.errorStep = step == null || step.length() <= 512 ? step : step.substring(0, 509) + "...";
        this.errorMessage = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        this.waitingOn = null;
        this.wakeAt = null;
        this.job = null;
        this.nextRunAt = null;
        this.leaseUntil = null;
        this.updatedAt = now;
    }

    /** The flow waits on an external call, in flight from this commit on (leased until {@code leaseUntil}). */
    void calling(String description, Instant leaseUntil, Instant now) {
        this.waitingOn = description.length() > 512 ? description.substring(0, 509) + "..." : description;
        this.job = CALL;
        this.nextRunAt = now;
        this.leaseUntil = leaseUntil;
    }

    /** A job attempt failed: back off until {@code nextRun}, or, with {@code nextRun} null, an incident. */
    void jobFailed(String step, String reason, Instant nextRun, Instant now) {
        this.jobAttempts++;
        this.leaseUntil = null;
        this.updatedAt = now;
        if (nextRun != null) {
            this.nextRunAt = nextRun;
            return;
        }
        var job = this.job;
        fail(step, reason, now);
        this.job = job; // kept so that a retry knows what to run again
    }

    /** The call was in flight when its server went away: not re-run blindly, a manager decides. */
    /** The error message of a call restored in error, before what it waited on. */
    public static final String IN_FLIGHT_WHEN_STOPPED = "in flight when the server stopped, not re-run: ";

    void restoredInError(Instant now) {
        this.status = FlowStatus.RESTORED_IN_ERROR.code();
        this.errorMessage = IN_FLIGHT_WHEN_STOPPED + waitingOn;
        this.leaseUntil = null;
        this.nextRunAt = null;
        this.updatedAt = now;
    }

    /** A manager retries: the job runs again now (a call as a new attempt of the same step). */
    void retry(String job, String waitingOn, Instant now) {
        this.status = FlowStatus.WAITING.code();
        this.job = job;
        this.waitingOn = waitingOn;
        this.nextRunAt = now;
        this.leaseUntil = null;
        this.jobAttempts = 0;
        this.errorMessage = null;
        this.errorStep = null;
        this.updatedAt = now;
    }

    /** The flow has ended: its row keeps its final state document from now on. */
    void keepFinalDocument(String document) {
        this.stateDocument = document;
    }

    String finalDocument() {
        return stateDocument;
    }

    public String job() {
        return job;
    }

    public Instant nextRunAt() {
        return nextRunAt;
    }

    public int jobAttempts() {
        return jobAttempts;
    }

    /**
     * Waiting, with no job in hand (no lease) and no call pending, not an imported flow and not a
     * subprocess (which ends by resuming its parent, its owner's to write): it may move to another
     * owner without cutting anything short.
     */
    boolean onlyWaits() {
        return FlowStatus.WAITING.code().equals(status) && leaseUntil == null && !CALL.equals(job)
                && parentFlowId == null && !FlowOwner.MIGRATION_STORAGE_ID.equals(storageId);
    }

    /** Moves to {@code newOwner}, as a take-over moves it: its job, if any, stays due as it was. */
    void ownedBy(FlowOwner newOwner) {
        this.storageId = newOwner.storageId();
        this.ownerEpoch = newOwner.epoch();
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public long ownerEpoch() {
        return ownerEpoch;
    }

    public String errorStep() {
        return errorStep;
    }

    public String id() {
        return id;
    }

    public String definitionName() {
        return definitionName;
    }

    public int definitionVersion() {
        return definitionVersion;
    }

    public FlowStatus status() {
        return FlowStatus.byCode(status).orElseThrow();
    }

    public String currentState() {
        return currentState;
    }

    public String storageId() {
        return storageId;
    }

    public String launchedBy() {
        return launchedBy;
    }

    public String parentFlowId() {
        return parentFlowId;
    }

    public int depth() {
        return depth;
    }

    public String waitingOn() {
        return waitingOn;
    }

    public Instant wakeAt() {
        return wakeAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
