package org.ipaserver.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whom a grant names: a user of the realm, a workgroup (its members) or an application role (its holders). */
public enum PrincipalKind {
    USER, WORKGROUP, ROLE;

    /** As written in the API and the database: user, workgroup, role. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PrincipalKind> byCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
