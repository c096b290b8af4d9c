package org.ipaserver.handler.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SleepHandlerTest {

    private final SleepHandler sleep = new SleepHandler();

    @Test
    void sleepsAndAnswersTheMillis() throws Exception {
        long start = System.nanoTime();
        var result = sleep.run(Map.of("millis", "50"));

        assertTrue(System.nanoTime() - start >= 50_000_000L);
        assertEquals(Map.of("millis", "50"), result.outputs());
        assertEquals("success", result.exitPath());
    }

    @Test
    void namesTheMissingInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> sleep.run(Map.of()));
        assertTrue(e.getMessage().contains("'millis'"), e.getMessage());
    }

    @Test
    void refusesNonNumbers() {
        var e = assertThrows(IllegalArgumentException.class, () -> sleep.run(Map.of("millis", "soon")));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }
}
