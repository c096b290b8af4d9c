package org.ipaserver.routing;

import java.util.List;

/** A workgroup as the API shows it: its members sorted by name. */
public record WorkgroupView(String name, String description, List<String> members) {

    public WorkgroupView {
        members = List.copyOf(members);
    }
}
