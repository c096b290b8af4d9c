package org.ipaserver.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import org.junit.jupiter.api.Test;

class HandlerResultTest {

    @Test
    void keepsACopyOfTheOutputs() {
        var outputs = new HashMap<String, String>();
        outputs.put("a", "1");
        var result = HandlerResult.success(outputs);
        outputs.put("b", "2");

        assertEquals(java.util.Map.of("a", "1"), result.outputs());
        assertEquals("success", result.exitPath());
        assertThrows(UnsupportedOperationException.class, () -> result.outputs().put("c", "3"));
    }

    @Test
    void needsAnExitPathName() {
        assertThrows(IllegalArgumentException.class, () -> new HandlerResult(java.util.Map.of(), " "));
        assertThrows(NullPointerException.class, () -> new HandlerResult(java.util.Map.of(), null));
    }

    @Test
    void theMessageIsEmptyUnlessGiven() {
        assertEquals("", HandlerResult.success(java.util.Map.of()).message());
        assertEquals("", new HandlerResult(java.util.Map.of(), "late", null).message());
        assertEquals("bad input", new HandlerResult(java.util.Map.of(), "failure", "bad input").message());
    }
}
