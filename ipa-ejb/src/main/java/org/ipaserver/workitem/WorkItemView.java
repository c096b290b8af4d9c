package org.ipaserver.workitem;

import java.time.Instant;
import java.util.List;

/** A work item as its holder sees it: the form with its current values and the buttons. */
public record WorkItemView(String id, String flowId, String definition, String category, String description,
                           String status, String owner, String routedUser, String workgroup, Instant createdAt,
                           Instant deadline, long version, List<Field> fields, List<Button> buttons,
                           String completedWith) {

    /** {@code restricted}: data access security hides the value from this user, who cannot write it either. */
    public record Field(String name, String label, String type, boolean readOnly, boolean required,
                        List<String> choices, Object value, boolean restricted) {
    }

    public record Button(String name, String label) {
    }
}
