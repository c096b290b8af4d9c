package org.ipaserver.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AcceptedCredentialsTest {

    private final AcceptedCredentials accepted = new AcceptedCredentials();

    @Test
    void onlyTheSameUserWithTheSamePasswordIsKnownUntilItsTime() {
        accepted.accepted(new BasicCredentials("alice", "secret"), Set.of("ipa-launch"), 1_000);

        assertEquals(Optional.of(Set.of("ipa-launch")), accepted.groups(new BasicCredentials("alice", "secret"), 999));
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("alice", "wrong"), 999));
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("alice", "secreT"), 999));
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("alic", "esecret"), 999),
                "user and password are not simply joined");
        accepted.accepted(new BasicCredentials("a\0b", "c"), Set.of("ipa-admin"), 1_000);
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("a", "b\0c"), 999),
                "nor joined with a separator a name could hold");
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("bob", "secret"), 999));
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("alice", "secret"), 1_000), "expired");
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("alice", "secret"), 0), "and forgotten");
    }
}
