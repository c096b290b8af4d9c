package org.ipaserver.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of a flow that has ended (completed or cancelled) in {@code flowexec_Completion}. */
@Entity
@Table(name = "flowexec_Completion")
public class FlowCompletion {

    @Id
    @Column(name = "flow_id")
    private String flowId;
    @MapsId
    @OneToOne
    @JoinColumn(name = "flow_id")
    private FlowRecord flow;
    @Column(name = "definition_name")
    private String definitionName;
    @Column(name = "definition_version")
    private int definitionVersion;
    @Column(name = "final_status")
    private String finalStatus;
    @Column(name = "launched_by")
    private String launchedBy;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected FlowCompletion() {
    }

    FlowCompletion(FlowRecord flow, Instant now) {
        this.flow = flow;
        this.flowId = flow.id();
        this.definitionName = flow.definitionName();
        this.definitionVersion = flow.definitionVersion();
        this.finalStatus = flow.status().code();
        this.launchedBy = flow.launchedBy();
        this.completedAt = now;
    }
}
