package org.ipaserver.workitem;

import java.time.Instant;
import java.util.List;

/** A work item as its holder sees it: the form with its current values and the buttons. */
public record WorkItemView(String id, String flowId, String definition, String category, String description,
                           String status, String owner, String routedUser, String workgroup, Instant createdAt,
                           Instant deadline, long version, List<Field> fields, List<Button> buttons,
                           String completedWith) {

    public record Field(String name, String label, String type, boolean readOnly, boolean required,
                        List<String> choices, Object value) {
    }

    public record Button(String name, String label) {
    }
}
