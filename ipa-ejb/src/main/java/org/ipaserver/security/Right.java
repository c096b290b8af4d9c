package org.ipaserver.security;

import java.util.Arrays;
import java.util.Optional;

/** The access rights on processes, each also granted on every process by its application role. */
public enum Right {
    LAUNCH(Rights.LAUNCH),
    VIEW(Rights.VIEW),
    MANAGE(Rights.MANAGE);

    private final String role;

    Right(String role) {
        this.role = role;
    }

    /** The application role (realm group) that grants this right on every process. */
    public String role() {
        return role;
    }

    public static Optional<Right> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
