package org.ipaserver.web;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Who signed in with the form, kept in their session: the user, their realm groups (so that a
 * later request needs no password) and the CSRF token the browser must send back with every call
 * that changes something.
 */
public record SignedIn(String user, Set<String> groups, String csrfToken) implements Serializable {

    /** The session attribute that holds it. */
    public static final String SESSION_ATTRIBUTE = SignedIn.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();

    public SignedIn {
        groups = Set.copyOf(groups);
    }

    /** A new sign-in with a fresh token: 32 random bytes, unguessable by another site. */
    public static SignedIn of(String user, Set<String> groups) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SignedIn(user, groups, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Compared in constant time, so that the answer's timing tells nothing of the token. */
    public boolean tokenMatches(String sent) {
        return sent != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SignedIn[" + user + "]"; // never the token in a log line
    }
}
