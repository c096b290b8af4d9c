package org.ipaserver.workitem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A row of {@code ipa_WorkItems}: one form sent by one flow, and who holds it now. */
@Entity
@Table(name = "ipa_WorkItems")
public class WorkItem {

    @Id
    @Column(name = "work_item_id")
    private String id;
    @Column(name = "flow_id")
    private String flowId;
    @Column(name = "action_path")
    private String actionPath;
    @Column(name = "form_name")
    private String formName;
    private String category;
    private String description;
    @Column(name = "routed_user")
    private String routedUser;
    private String workgroup;
    @Column(name = "required_skills")
    private String requiredSkills;
    private String status;
    private String owner;
    @Lob
    private String draft;
    @Column(name = "exit_button")
    private String exitButton;
    private Instant deadline;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "completed_by")
    private String completedBy;
    /** When someone first took it in hand: the end of its waiting, the start of its handling (for reports). */
    @Column(name = "picked_up_at")
    private Instant pickedUpAt;
    @Version
    @Column(name = "row_version")
    private long version;

    protected WorkItem() {
    }

    WorkItem(String id, String flowId, String actionPath, String formName, String category, String description,
             String routedUser, String workgroup, String requiredSkills, Instant deadline, Instant now) {
        this.id = id;
        this.flowId = flowId;
        this.actionPath = actionPath;
        this.formName = formName;
        this.category = category;
        this.description = description == null || description.length() <= 1000 ? description
                : description.substring(0, 997) + "...";
        this.routedUser = routedUser;
        this.workgroup = workgroup;
        this.requiredSkills = requiredSkills;
        this.deadline = deadline;
        this.owner = routedUser;
        this.status = WorkItemStatus.ALERTING.code();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void move(WorkItemStatus status, String owner, Instant now) {
        if (pickedUpAt == null && (status == WorkItemStatus.PROCESSING || status == WorkItemStatus.COMPLETED)) {
            pickedUpAt = now;
        }
        this.status = status.code();
        this.owner = owner;
        this.updatedAt = now;
    }

    void transferTo(String user, String workgroup, Instant now) {
        this.routedUser = user;
        this.workgroup = workgroup;
        move(WorkItemStatus.ALERTING, user, now);
    }

    void saveDraft(String draft, Instant now) {
        this.draft = draft;
        this.updatedAt = now;
    }

    void complete(String button, String user, Instant now) {
        this.exitButton = button;
        this.completedBy = user;
        this.completedAt = now;
        move(WorkItemStatus.COMPLETED, user, now);
    }

    public String id() {
        return id;
    }

    public String flowId() {
        return flowId;
    }

    public String actionPath() {
        return actionPath;
    }

    public String formName() {
        return formName;
    }

    public String category() {
        return category;
    }

    public String description() {
        return description;
    }

    public String routedUser() {
        return routedUser;
    }

    public String workgroup() {
        return workgroup;
    }

    public String requiredSkills() {
        return requiredSkills;
    }

    public WorkItemStatus status() {
        return WorkItemStatus.byCode(status).orElseThrow();
    }

    public String owner() {
        return owner;
    }

    public String draft() {
        return draft;
    }

    public String exitButton() {
        return exitButton;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant pickedUpAt() {
        return pickedUpAt;
    }

    public String completedBy() {
        return completedBy;
    }

    public long version() {
        return version;
    }
}
