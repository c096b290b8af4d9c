package org.ipaserver.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.ipaserver.api.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrossSiteGuardTest {

    private static final SignedIn ALICE = SignedIn.of("alice", Set.of("ipa-launch"));

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aPostAsAFormIsRefusedWhoeverSendsIt(String formType) {
        var refusal = CrossSiteGuard.check("POST", formType, true, null, null).orElseThrow();

        assertEquals(415, refusal.status());
        assertTrue(refusal.detail().contains("application/json"), refusal::detail);
    }

    @Test
    void aPostWithoutBodyOrTypeIsRefusedToo() {
        assertEquals(415, CrossSiteGuard.check("POST", null, false, null, null).orElseThrow().status());
    }

    @Test
    void aBodyWithoutTypeIsRefusedOnEveryMethodThatChangesSomething() {
        for (var method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(415, CrossSiteGuard.check(method, null, true, null, null).orElseThrow().status(), method);
        }
    }

    @Test
    void aDeleteOrPutWithoutBodyNeedsNoTypeBrowsersAskFirst() {
        assertTrue(CrossSiteGuard.check("DELETE", null, false, null, null).isEmpty());
        assertTrue(CrossSiteGuard.check("PUT", null, false, null, null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "APPLICATION/JSON",
        "application/merge-patch+json", "text/json"})
    void jsonPassesWithBasicCredentials(String json) {
        assertTrue(CrossSiteGuard.check("POST", json, true, null, null).isEmpty());
    }

    @Test
    void readingNeedsNeitherTypeNorToken() {
        assertTrue(CrossSiteGuard.check("GET", null, false, ALICE, null).isEmpty());
        assertTrue(CrossSiteGuard.check("HEAD", "text/plain", false, ALICE, null).isEmpty());
    }

    @Test
    void aCallKnownByTheSessionCookieNeedsItsToken() {
        var none = CrossSiteGuard.check("POST", "application/json", true, ALICE, null).orElseThrow();
        var other = CrossSiteGuard.check("POST", "application/json", true, ALICE,
                SignedIn.of("alice", Set.of()).csrfToken()).orElseThrow();

        assertEquals(403, none.status());
        assertEquals(ApiProblem.Kind.CSRF_TOKEN_INVALID, none.kind());
        assertTrue(none.detail().contains("had none"), none::detail);
        assertEquals(403, other.status());
        assertTrue(CrossSiteGuard.check("POST", "application/json", true, ALICE, ALICE.csrfToken()).isEmpty());
        assertTrue(CrossSiteGuard.check("DELETE", null, false, ALICE, ALICE.csrfToken()).isEmpty());
        assertEquals(403, CrossSiteGuard.check("DELETE", null, false, ALICE, null).orElseThrow().status());
    }

    @Test
    void theTypeIsCheckedBeforeTheToken() {
        assertEquals(415, CrossSiteGuard.check("POST", "text/plain", true, ALICE, null).orElseThrow().status());
    }
}
