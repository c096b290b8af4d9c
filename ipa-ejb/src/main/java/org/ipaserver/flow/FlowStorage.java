package org.ipaserver.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A flow's durable execution state in {@code flowexec_Storage}: one document, rewritten at each wait point. */
@Entity
@Table(name = "flowexec_Storage")
public class FlowStorage {

    @Id
    @Column(name = "flow_id")
    private String flowId;
    // Mapped so that the store inserts the flow row before its storage row (foreign key).
    @MapsId
    @OneToOne
    @JoinColumn(name = "flow_id")
    private FlowRecord flow;
    @Lob
    @Column(name = "state_document")
    private String stateDocument;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected FlowStorage() {
    }

    FlowStorage(FlowRecord flow, String stateDocument, Instant now) {
        this.flow = flow;
        this.flowId = flow.id();
        this.stateDocument = stateDocument;
        this.updatedAt = now;
    }

    void update(String document, Instant now) {
        this.stateDocument = document;
        this.updatedAt = now;
    }

    String stateDocument() {
        return stateDocument;
    }
}
