package org.ipaserver.security;

import java.util.Set;
import java.util.function.Predicate;

/** Who is asking: their name, their application roles and the workgroups they belong to. */
public record Caller(String name, Predicate<String> hasRole, Set<String> workgroups) {

    public static Caller named(String name) {
        return new Caller(name, role -> false, Set.of());
    }
}
