package org.ipaserver.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import org.ipaserver.refusal.InvalidInput;
import org.junit.jupiter.api.Test;

class MonitorFilterTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void everyBadFieldIsNamedAtOnce() {
        var error = assertThrows(InvalidInput.class, () -> filter("""
                {"status": "sleeping", "version": 0, "startedFrom": "yesterday", "colour": "red"}"""));

        assertEquals(4, error.errors().size(), error.errors()::toString);
        assertTrue(error.errors().stream().anyMatch(e -> e.field().equals("filter.status")
                && e.reason().contains("unknown status 'sleeping'")));
        assertTrue(error.errors().stream().anyMatch(e -> e.field().equals("filter.version")));
        assertTrue(error.errors().stream().anyMatch(e -> e.field().equals("filter.startedFrom")
                && e.reason().contains("ISO-8601")));
        assertTrue(error.errors().stream().anyMatch(e -> e.field().equals("filter.colour")));
        assertThrows(InvalidInput.class, () -> filter("""
                {"startedFrom": "2026-12-01T10:00:00Z", "startedTo": "2026-12-01T09:00:00Z"}"""));
    }

    @Test
    void aFilterMatchesAFlowAsAnEventLeavesIt() {
        var filter = filter("""
                {"process": "CarLoan", "version": 2, "status": "WAITING", "launchedBy": "ann",
                 "startedFrom": "2026-12-01T09:00:00Z", "startedTo": "2026-12-01T10:00:00Z"}""");

        assertEquals("waiting", filter.status(), "a status in any case, as the search takes it");
        assertTrue(filter.matches("CarLoan", 2, "waiting", "Review", "ann", NINE));
        assertFalse(filter.matches("CarLoan", 1, "waiting", "Review", "ann", NINE), "another version");
        assertFalse(filter.matches("CarLoan", 2, "completed", "Review", "ann", NINE), "another status");
        assertFalse(filter.matches("CarLoan", 2, "waiting", "Review", "bob", NINE), "another launcher");
        assertFalse(filter.matches("CarLoan", 2, "waiting", "Review", "ann", NINE.plusSeconds(3600)),
                "'startedTo' is exclusive");
        assertTrue(filter("{}").matches("Any", 7, "error", null, "x", NINE), "an empty filter watches every flow");
    }

    static MonitorFilter filter(String json) {
        return MonitorFilter.from(Json.createReader(new StringReader(json)).readObject());
    }
}
