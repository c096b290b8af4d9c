package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Prefer header as RFC 7240 writes it: among other preferences, with parameters, quoted. */
class ReturnPreferenceTest {

    @Test
    void theReturnPreferenceIsFoundAmongOthers() {
        assertEquals(ReturnPreference.REPRESENTATION, ReturnPreference.of(List.of("return=representation")));
        assertEquals(ReturnPreference.MINIMAL, ReturnPreference.of(List.of("respond-async, wait=10, Return = Minimal")));
        assertEquals(ReturnPreference.REPRESENTATION,
                ReturnPreference.of(List.of("handling=lenient", "return=\"representation\"; x=1")));
    }

    @Test
    void theFirstReturnPreferenceCounts() {
        assertEquals(ReturnPreference.MINIMAL, ReturnPreference.of(List.of("return=minimal, return=representation")));
    }

    @Test
    void noneOrAnUnknownOneIsNull() {
        assertNull(ReturnPreference.of(null));
        assertNull(ReturnPreference.of(List.of()));
        assertNull(ReturnPreference.of(List.of("respond-async")));
        assertNull(ReturnPreference.of(List.of("return=everything")));
        assertNull(ReturnPreference.of(List.of("returns=representation")));
    }

    @Test
    void theAppliedValueNamesThePreference() {
        assertEquals("return=representation", ReturnPreference.REPRESENTATION.applied());
        assertEquals("return=minimal", ReturnPreference.MINIMAL.applied());
    }
}
