package org.ipaserver.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one licence a user holds. Licences are cumulative, in this order: each includes what the
 * ones before it allow. A user the application has no licence for holds {@link #DEFAULT}.
 */
public enum Licence {
    /** Receives work items sent to them by name. */
    DIRECT_ROUTED,
    /** Also receives work items routed through a workgroup queue. */
    GROUP_ROUTED,
    /** Also watches flows in the monitor. */
    PROCESS_MONITOR,
    /** Also publishes definitions and launches unpublished test versions. */
    PROCESS_DESIGNER;

    /** The least licence: the one of every user until an administrator grants more. */
    public static final Licence DEFAULT = DIRECT_ROUTED;

    /** Whether holding this licence gives what {@code needed} gives. */
    public boolean includes(Licence needed) {
        return compareTo(needed) >= 0;
    }

    /** Only from Group Routed on does a user receive items from a workgroup queue. */
    public boolean receivesWorkgroupItems() {
        return includes(GROUP_ROUTED);
    }

    public static Optional<Licence> byName(String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }
}
