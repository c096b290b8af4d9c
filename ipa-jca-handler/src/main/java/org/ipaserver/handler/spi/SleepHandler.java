package org.ipaserver.handler.spi;

import java.util.Map;
import org.ipaserver.handler.HandlerResult;

/** Sleeps for input {@code millis}, then echoes it: a slow handler for timeout tests. */
public class SleepHandler implements Handler {

    public static final String MILLIS = "millis";

    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public HandlerResult run(Map<String, String> inputs) throws InterruptedException {
        var raw = inputs.get(MILLIS);
        long millis;
        try {
            millis = Long.parseLong(raw == null ? "" : raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Handler 'sleep' needs input '" + MILLIS
                    + "' as a whole number of milliseconds, got " + (raw == null ? "none" : "'" + raw + "'"));
        }
        if (millis < 0) {
            throw new IllegalArgumentException("Handler 'sleep' cannot sleep " + millis + " ms");
        }
        Thread.sleep(millis);
        return HandlerResult.success(Map.of(MILLIS, Long.toString(millis)));
    }
}
