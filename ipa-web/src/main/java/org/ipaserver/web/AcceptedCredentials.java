package org.ipaserver.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic credentials that the realm accepted lately, so that an integration's every call does
 * not have its password checked again (the realm's check and Jakarta Authentication's answer cost
 * a launch over REST a twentieth of the server's CPU). An entry is known by a salted SHA-256 of the
 * user and the password, never by the password, and lasts {@link WebSettings#CREDENTIALS_CACHE_SECONDS}:
 * a password changed or a user removed in the realm stops working at most that long later. A
 * refused password is never kept: each attempt goes to the realm.
 */
final class AcceptedCredentials {

    /** Beyond this many entries the cache starts afresh (a burst of distinct users, or an attack). */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Set<String> groups, long until) {
    }

    private final byte[] salt = new byte[16];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    AcceptedCredentials() {
        new SecureRandom().nextBytes(salt);
    }

    /** @return the groups the realm gave this user with this password, if it did lately */
    Optional<Set<String>> groups(BasicCredentials credentials, long nowNanos) {
        var key = key(credentials);
        var entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nowNanos - entry.until() >= 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.groups());
    }

    void accepted(BasicCredentials credentials, Set<String> groups, long untilNanos) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(credentials), new Entry(groups, untilNanos));
    }

    private String key(BasicCredentials credentials) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var user = credentials.user().getBytes(StandardCharsets.UTF_8);
            digest.update(salt);
            // the user's length first: no user and password run together as another pair would
            digest.update(java.nio.ByteBuffer.allocate(4).putInt(user.length).array());
            digest.update(user);
            digest.update(credentials.password().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
