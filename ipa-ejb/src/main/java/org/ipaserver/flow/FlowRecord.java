package org.ipaserver.flow;

import org.ipaserver.definition.CompiledProcess;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The row of a flow in {@code flowexec_Flows}: identity, owner, where it stands, what it waits on. */
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
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected FlowRecord() {
    }

    FlowRecord(String id, CompiledProcess process, String storageId, String launchedBy, String parentFlowId,
               int depth, Instant now) {
        this.id = id;
        this.definitionName = process.name();
        this.definitionVersion = process.version();
        this.storageId = storageId;
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
        this.updatedAt = now;
        if (status.ended()) {
            this.endedAt = now;
        }
        if (status != FlowStatus.ERROR) {
            this.errorMessage = null;
        }
    }

    void fail(String message, Instant now) {
        this.status = FlowStatus.ERROR.code();
        this.errorMessage = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        this.waitingOn = null;
        this.wakeAt = null;
        this.updatedAt = now;
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
