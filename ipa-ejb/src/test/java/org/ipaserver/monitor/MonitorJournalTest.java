package org.ipaserver.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.store.LocalStore;
import org.ipaserver.store.StoreClock;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's events in the journal on H2: only while someone watches, in order, only when the change commits. */
class MonitorJournalTest {

    private static final String WAITS = """
            { "name": "Waits", "startState": "Start",
              "variables": [ { "name": "Amount", "type": "Integer", "initial": 5 } ],
              "states": [
                { "name": "Start", "actions": [ { "type": "ChangeState", "state": "Pause" } ] },
                { "name": "Pause", "actions": [ { "type": "Wait", "duration": "PT1H" },
                                                 { "type": "EndProcess" } ] } ] }
            """;

    private LocalStore store;
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final MonitorJournal journal = new MonitorJournal();
    private final FlowEngine engine = new FlowEngine(catalog, StoreClock.utc(), new FlowOwner("storage-a", 0), 3,
            new WorkItemRouter(StoreClock.utc()), request -> { });

    @BeforeEach
    void open() {
        store = newStore();
    }

    LocalStore newStore() {
        return LocalStore.h2InMemory();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void nothingIsRecordedWhileNobodyWatches() {
        engine.tellEventsTo(journal);
        publish();

        launch();

        assertEquals(0, store.count("ipa_MonitorEvents"));
    }

    @Test
    void whileSomeoneWatchesAFlowsEventsAreRecordedInOrder() {
        engine.tellEventsTo(journal);
        publish();
        var now = StoreClock.now();
        store.run(em -> MonitorStore.keepActive(em, now, now.plus(Duration.ofMinutes(5))));
        var marker = store.inTransaction(MonitorStore::last);

        var id = launch();
        store.run(em -> engine.cancel(em, id));

        var events = store.inTransaction(em -> MonitorStore.after(em, marker, Long.MAX_VALUE, 100));
        assertEquals(List.of("launched", "stateChanged", "waitingOn", "cancelled"),
                events.stream().map(StoredEvent::kind).toList());
        assertTrue(events.stream().allMatch(e -> e.flowId().equals(id)));
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).seq() > events.get(i - 1).seq(), "numbered in order");
        }
        assertTrue(events.get(0).payload().contains("\"Amount\":5"), events.get(0).payload());
        assertTrue(events.get(1).payload().contains("\"to\":\"Pause\""), events.get(1).payload());
        assertEquals(marker, store.inTransaction(MonitorStore::completeAfter),
                "recording began at the marker: a client whose last number is older missed events");
    }

    @Test
    void aSubscriberOnOneInstanceSeesTheFlowsOfAnotherInOneOrder() {
        // instance B: another engine and journal on the same database, where nobody subscribed
        var journalB = new MonitorJournal();
        var engineB = new FlowEngine(catalog, StoreClock.utc(), new FlowOwner("storage-b", 0), 3,
                new WorkItemRouter(StoreClock.utc()), request -> { });
        engine.tellEventsTo(journal);
        engineB.tellEventsTo(journalB);
        publish();
        // a subscription on A says so in the database, where B reads it at its next check
        var now = StoreClock.now();
        store.run(em -> MonitorStore.keepActive(em, now, now.plus(Duration.ofMinutes(5))));
        var marker = store.inTransaction(MonitorStore::last);

        var onA = launch();
        var onB = store.inTransaction(em -> engineB.launch(em, "Waits", null, Map.of(), "bob"));
        store.run(em -> engine.cancel(em, onA));
        store.run(em -> engineB.cancel(em, onB));

        var events = store.inTransaction(em -> MonitorStore.after(em, marker, Long.MAX_VALUE, 100));
        assertEquals(List.of(onA, onA, onA, onB, onB, onB, onA, onB), events.stream().map(StoredEvent::flowId).toList(),
                "B's flows are recorded too, in the order they happened");
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).seq() > events.get(i - 1).seq(), "numbered in one order");
        }
    }

    @Test
    void theEventsOfARolledBackChangeAreNeverSeen() {
        engine.tellEventsTo(journal);
        publish();
        var now = StoreClock.now();
        store.run(em -> MonitorStore.keepActive(em, now, now.plus(Duration.ofMinutes(5))));
        var before = store.count("ipa_MonitorEvents");

        assertThrows(IllegalStateException.class, () -> store.run(em -> {
            engine.launch(em, "Waits", null, Map.of(), "alice");
            throw new IllegalStateException("the transaction fails after the launch");
        }));

        assertEquals(before, store.count("ipa_MonitorEvents"));
    }

    @Test
    void purgingKeepsTheNewestAndMovesWhereTheJournalIsComplete() {
        engine.tellEventsTo(journal);
        publish();
        var now = StoreClock.now();
        store.run(em -> MonitorStore.keepActive(em, now, now.plus(Duration.ofMinutes(5))));
        launch();
        var last = store.inTransaction(MonitorStore::last);

        store.run(em -> MonitorStore.purge(em, StoreClock.now().plusSeconds(1)));

        assertEquals(0, store.count("ipa_MonitorEvents"));
        assertEquals(last, store.inTransaction(MonitorStore::completeAfter));
    }

    private void publish() {
        store.run(em -> catalog.publish(em, WAITS, "designer", StoreClock.now()));
    }

    private String launch() {
        return store.inTransaction(em -> engine.launch(em, "Waits", null, Map.of(), "alice"));
    }
}
