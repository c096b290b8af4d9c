package org.ipaserver.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsUserAndPasswordAPasswordMayHoldAColon() {
        var credentials = BasicCredentials.from("Basic " + base64("alice:se:cret")).orElseThrow();

        assertEquals("alice", credentials.user());
        assertEquals("se:cret", credentials.password());
        assertFalse(credentials.toString().contains("se:cret"), "no password in a log line");
    }

    @Test
    void anotherSchemeOrNoHeaderIsNoBasicCredential() {
        assertTrue(BasicCredentials.from(null).isEmpty());
        assertTrue(BasicCredentials.from("Bearer abc").isEmpty());
    }

    @Test
    void aBasicHeaderThatCannotBeReadIsMalformed() {
        assertThrows(BasicCredentials.Malformed.class, () -> BasicCredentials.from("Basic !!!"));
        assertThrows(BasicCredentials.Malformed.class, () -> BasicCredentials.from("Basic " + base64("nocolon")));
        assertThrows(BasicCredentials.Malformed.class, () -> BasicCredentials.from("Basic " + base64(":nouser")));
    }

    @Test
    void eachSignInGetsAnUnguessableTokenThatNoLogLineShows() {
        var one = SignedIn.of("alice", Set.of("ipa-view"));
        var two = SignedIn.of("alice", Set.of("ipa-view"));

        assertFalse(one.csrfToken().equals(two.csrfToken()));
        assertTrue(one.csrfToken().length() >= 43, one.csrfToken());
        assertTrue(one.tokenMatches(one.csrfToken()));
        assertFalse(one.tokenMatches(two.csrfToken()));
        assertFalse(one.tokenMatches(null));
        assertFalse(one.toString().contains(one.csrfToken()));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
