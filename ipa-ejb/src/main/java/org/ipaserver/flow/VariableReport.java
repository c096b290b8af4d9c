package org.ipaserver.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reported value of a variable flagged {@code report}, in {@code ipa_VariableReports}. */
@Entity
@Table(name = "ipa_VariableReports")
public class VariableReport {

    @Id
    @Column(name = "report_id")
    private String id;
    @Column(name = "flow_id")
    private String flowId;
    @Column(name = "definition_name")
    private String definitionName;
    @Column(name = "variable_name")
    private String variableName;
    @Column(name = "value_text")
    private String value;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected VariableReport() {
    }

    VariableReport(FlowRecord flow, String variableName, String value, Instant now) {
        this.id = FlowIds.next();
        this.flowId = flow.id();
        this.definitionName = flow.definitionName();
        this.variableName = variableName;
        this.value = value == null || value.length() <= 2000 ? value : value.substring(0, 1997) + "...";
        this.recordedAt = now;
    }

    public String flowId() {
        return flowId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String variableName() {
        return variableName;
    }

    public String value() {
        return value;
    }
}
