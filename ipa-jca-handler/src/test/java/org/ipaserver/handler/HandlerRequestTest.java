package org.ipaserver.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerRequestTest {

    @Test
    void keepsACopyOfTheInputs() {
        var inputs = new HashMap<String, String>(Map.of("a", "1"));
        var request = new HandlerRequest("echo", inputs, Duration.ZERO, "call-1", "key-1");
        inputs.put("b", "2");

        assertEquals(Map.of("a", "1"), request.inputs());
        assertThrows(UnsupportedOperationException.class, () -> request.inputs().put("c", "3"));
    }

    @Test
    void theShortFormHasNoIds() {
        var request = HandlerRequest.of("echo", Map.of(), Duration.ofSeconds(1));

        assertNull(request.callId());
        assertNull(request.idempotencyKey());
    }

    @Test
    void refusesANegativeTimeout() {
        assertThrows(IllegalArgumentException.class, () -> HandlerRequest.of("echo", Map.of(), Duration.ofMillis(-1)));
    }
}
