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
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("bob", "secret"), 999));
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("alice", "secret"), 1_000), "expired");
        assertEquals(Optional.empty(), accepted.groups(new BasicCredentials("alice", "secret"), 0), "and forgotten");
    }

    @Test
    void anotherServerProcessKnowsNothing() {
        accepted.accepted(new BasicCredentials("alice", "secret"), Set.of(), 1_000);
        assertEquals(Optional.empty(), new AcceptedCredentials().groups(new BasicCredentials("alice", "secret"), 0));
    }
}
