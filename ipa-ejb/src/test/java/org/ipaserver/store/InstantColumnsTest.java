package org.ipaserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Times in TIMESTAMP columns do not depend on the JVM's default time zone (Liberty does not set
 * user.timezone=UTC as the Payara domain does): written and read under zones with daylight saving
 * time, and read back under another zone, a flow keeps its instants, its timer fires when due,
 * and the columns hold UTC (H2 here, PostgreSQL in a subclass).
 */
class InstantColumnsTest {

    private static final String WAITS = """
            { "name": "Waits", "startState": "S",
              "states": [ { "name": "S", "actions": [ { "type": "Wait", "duration": "PT1S" } ] } ] }
            """;

    private TimeZone jvmZone;
    private LocalStore store;

    @BeforeEach
    void berlin() {
        jvmZone = TimeZone.getDefault();
        zone("Europe/Berlin");
        store = newStore();
    }

    private final String h2 = "jdbc:h2:mem:zones-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    LocalStore newStore() {
        return LocalStore.h2(h2);
    }

    /** The store as a server started again (new connections, in the JVM's zone then) sees it. */
    LocalStore restarted(LocalStore store) {
        store.close();
        return LocalStore.h2Existing(h2);
    }

    @AfterEach
    void restore() {
        try {
            store.close();
        } finally {
            zone(jvmZone.getID());
        }
    }

    /**
     * 02:30 UTC on 25 October 2026 has a wall-clock time Berlin passes twice that night (clocks go
     * back), 01:30 UTC the first of its repeated hour; the third is an ordinary afternoon. (A UTC
     * wall-clock time inside Berlin's spring-forward gap is the one case the JVM zone still shifts:
     * see InstantConverter.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-10-25T02:30:00Z", "2026-10-25T01:30:00Z", "2026-07-01T14:15:16.123Z"})
    void aFlowKeepsItsInstantsAndItsTimerWhateverTheDefaultZone(String when) {
        var launched = Instant.parse(when);
        var clock = new MutableClock(launched);
        var catalog = new DefinitionCatalog(new Expressions());
        var engine = new FlowEngine(catalog, clock, "storage-a", 3, new WorkItemRouter(clock));
        store.run(em -> catalog.publish(em, WAITS, "designer", launched));
        var id = store.inTransaction(em -> engine.launch(em, "Waits", null, Map.of(), "bob"));

        var flow = store.inTransaction(em -> engine.view(em, id));
        assertEquals(launched, flow.startedAt());
        assertEquals(launched.plusSeconds(1), flow.wakeAt());
        assertEquals(launched, store.inTransaction(em -> catalog.versions(em, "Waits").get(0).publishedAt()));
        assertEquals(List.of(), store.inTransaction(em -> engine.dueTimers(em, 10)), "not due before its time");
        assertEquals(utcWallClock(launched), store.inTransaction(em -> String.valueOf(em.createNativeQuery(
                "SELECT CAST(started_at AS VARCHAR(40)) FROM flowexec_Flows").getSingleResult())),
                "the column holds UTC");

        zone("America/New_York"); // the server restarts in another zone
        store = restarted(store);
        assertEquals(launched, store.inTransaction(em -> engine.view(em, id)).startedAt(), "read under another zone");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(id), store.inTransaction(em -> engine.dueTimers(em, 10)), "due at its time");
    }

    /** The JVM's default zone, as a JVM started in it has it (H2 keeps the zone it first saw). */
    private static void zone(String id) {
        TimeZone.setDefault(TimeZone.getTimeZone(id));
        org.h2.util.DateTimeUtils.resetCalendar();
    }

    /** How the databases print a TIMESTAMP holding this instant's UTC wall-clock time. */
    private static String utcWallClock(Instant instant) {
        var text = instant.toString().replace('T', ' ').replace("Z", "");
        return text.length() == 19 ? text : text.replaceAll("0+$", "");
    }
}
