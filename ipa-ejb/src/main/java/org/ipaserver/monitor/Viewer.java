package org.ipaserver.monitor;

import java.util.Set;

/** Who watches: the user signed in for the WebSocket's session and the application roles they held at its handshake. */
public record Viewer(String name, Set<String> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }
}
