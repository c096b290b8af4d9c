package org.ipaserver.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipaserver.flow.FlowEvent;
import org.ipaserver.flow.FlowSearch;
import org.junit.jupiter.api.Test;

/** Which events a subscriber gets, and that a restricted value never is in a frame of theirs. */
class SubscriptionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Viewer ANN = new Viewer("ann", Set.of());

    @Test
    void restrictedVariablesAreNamedNeverSent() {
        var subscription = new Subscription(ANN, MonitorFilterTest.filter("{}"), null, List.of("f1"), 100,
                (process, version) -> process.equals("CarLoan") ? Set.of("Salary") : Set.of());

        var stored = stored(1, event("f1", "CarLoan", "waiting", "bob", Map.of("Salary", 98765L, "Name", "Lee")));
        var frame = subscription.frame(stored, MonitorMessages.parse(stored.payload())).orElseThrow();

        assertFalse(frame.contains("98765"), frame);
        assertTrue(frame.contains("\"restricted\":[\"Salary\"]"), frame);
        assertTrue(frame.contains("\"Name\":\"Lee\""), frame);
        assertTrue(frame.contains("\"seq\":1"), frame);
    }

    @Test
    void aViewerWithoutTheViewRightGetsTheirOwnFlowsAndThoseOfProcessesTheyView() {
        var visible = new FlowSearch.Visible("ann", Set.of("Leave"));
        var subscription = new Subscription(ANN, MonitorFilterTest.filter("{}"), visible, List.of(), 100,
                (process, version) -> Set.of());

        assertTrue(frame(subscription, 1, event("f1", "CarLoan", "running", "ann", Map.of())), "her own");
        assertTrue(frame(subscription, 2, event("f2", "Leave", "running", "bob", Map.of())), "a process she views");
        assertFalse(frame(subscription, 3, event("f3", "CarLoan", "running", "bob", Map.of())), "neither");
    }

    @Test
    void aWatchedFlowIsFollowedOutOfTheFilterAndANewMatchIsTakenIn() {
        var subscription = new Subscription(ANN, MonitorFilterTest.filter("{\"status\":\"waiting\"}"), null,
                List.of("f1"), 100, (process, version) -> Set.of());

        assertTrue(frame(subscription, 1, event("f1", "P", "completed", "bob", Map.of())),
                "it matched at subscription: its completion is seen");
        assertFalse(frame(subscription, 2, event("f2", "P", "running", "bob", Map.of())), "never matched");
        assertTrue(frame(subscription, 3, event("f2", "P", "waiting", "bob", Map.of())), "now it does");
        assertTrue(frame(subscription, 4, event("f2", "P", "completed", "bob", Map.of())), "and is followed");
    }

    @Test
    void aSubscriberThatCameBackIsNotSentWhatItHasAlready() {
        var subscription = new Subscription(ANN, MonitorFilterTest.filter("{}"), null, List.of(), 100,
                (process, version) -> Set.of());
        subscription.receivedThrough(7);

        assertFalse(frame(subscription, 7, event("f1", "P", "waiting", "bob", Map.of())));
        assertTrue(frame(subscription, 8, event("f1", "P", "waiting", "bob", Map.of())));
    }

    private static boolean frame(Subscription subscription, long seq, FlowEvent event) {
        var stored = stored(seq, event);
        return subscription.frame(stored, MonitorMessages.parse(stored.payload())).isPresent();
    }

    private static FlowEvent event(String flow, String process, String status, String launcher,
                                   Map<String, Object> variables) {
        return new FlowEvent(flow, process, 1, FlowEvent.Kind.STATE_CHANGED, T0, status, "S", launcher, T0,
                Map.of("to", "S"), variables);
    }

    private static StoredEvent stored(long seq, FlowEvent event) {
        return new StoredEvent(seq, event.flowId(), event.process(), event.version(), event.kind().code(), event.at(),
                MonitorMessages.payload(event));
    }
}
