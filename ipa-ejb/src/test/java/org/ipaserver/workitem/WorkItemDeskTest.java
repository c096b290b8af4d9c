package org.ipaserver.workitem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work items from the flow that sends them to the button that resumes it, on H2. */
class WorkItemDeskTest {

    static final String REVIEW = """
            { "name": "Review", "startState": "S",
              "variables": [ { "name": "Reviewer", "type": "String" }, { "name": "Amount", "type": "Decimal", "initial": 900 },
                             { "name": "Body", "type": "String" }, { "name": "Reason", "type": "String" },
                             { "name": "Outcome", "type": "String" } ],
              "forms": [ { "name": "Check", "category": "Loans", "description": "Check ${Amount}",
                "fields": [ { "name": "amount", "variable": "Amount", "readOnly": true },
                            { "name": "body", "variable": "Body", "required": true, "choices": ["Sedan", "SUV"] },
                            { "name": "reason", "variable": "Reason" } ],
                "buttons": [ { "name": "Approve" }, { "name": "Deny" } ] } ],
              "states": [ { "name": "S", "actions": [
                { "type": "SendWorkItemToUser", "form": "Check", "user": "${Reviewer}", "timeout": "PT1H",
                  "exits": { "Approve": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Outcome", "value": "approved" } ] } ],
                             "Deny": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Outcome", "value": "denied" } ] } ] },
                  "onTimeout": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Outcome", "value": "timed out" } ] } ] },
                { "type": "UpdateVariables", "assignments": [ { "variable": "Reason", "value": "${Outcome} by form" } ] } ] } ] }
            """;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final FlowEngine engine = new FlowEngine(catalog, clock, "storage-a", 5, new WorkItemRouter(clock));
    private final WorkItemDesk desk = new WorkItemDesk(engine, catalog, clock, new WorkItemRouter(clock));
    private LocalStore store;

    @BeforeEach
    void open() {
        store = LocalStore.h2InMemory();
        store.run(em -> catalog.publish(em, REVIEW, "designer", clock.instant()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static org.ipaserver.security.Caller c(String name) {
        return org.ipaserver.security.Caller.named(name);
    }

    private String launch() {
        return store.inTransaction(em -> engine.launch(em, "Review", null,
                Map.of("Reviewer", Json.createValue("alice")), "bob"));
    }

    private WorkItemView onlyItemOf(String user) {
        var items = store.inTransaction(em -> desk.mine(em, c(user)));
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    @Test
    void aCompletedWorkItemResumesItsFlowThroughTheButtonsExitPath() {
        var flowId = launch();
        var flow = store.inTransaction(em -> engine.view(em, flowId));
        assertEquals("waiting", flow.status());
        assertTrue(flow.waitingOn().startsWith("work item "), flow.waitingOn());

        var item = onlyItemOf("alice");
        assertEquals("alerting", item.status());
        assertEquals("Check 900", item.description());
        assertEquals(new java.math.BigDecimal("900"), item.fields().get(0).value());
        assertEquals(List.of("Approve", "Deny"), item.buttons().stream().map(WorkItemView.Button::name).toList());
        assertEquals(List.of(), store.inTransaction(em -> desk.mine(em, c("bob"))));

        store.run(em -> desk.pickUp(em, item.id(), c("alice"), null));
        var bad = assertThrows(InvalidInput.class, () -> store.run(em -> desk.complete(em, item.id(),
                c("alice"), "Approve", Map.of("amount", Json.createValue(1), "reason", Json.createValue("x")), null)));
        assertEquals(List.of("values.amount", "values.body"), bad.errors().stream().map(e -> e.field()).toList());
        var choice = assertThrows(InvalidInput.class, () -> store.run(em -> desk.complete(em,
                item.id(), c("alice"), "Approve", Map.of("body", Json.createValue("Tank")), null)));
        assertTrue(choice.errors().get(0).reason().contains("one of Sedan, SUV"));
        assertThrows(InvalidInput.class, () -> store.run(em -> desk.complete(em, item.id(), c("alice"),
                "Maybe", Map.of("body", Json.createValue("SUV")), null)));

        store.run(em -> desk.complete(em, item.id(), c("alice"), "Deny", Map.of("body", Json.createValue("SUV")), null));
        var done = store.inTransaction(em -> engine.view(em, flowId));
        assertEquals("completed", done.status());
        assertEquals("SUV", done.variables().get("Body"));
        assertEquals("denied by form", done.variables().get("Reason"));
        assertThrows(WorkItemConflict.class, () -> store.run(em -> desk.complete(em, item.id(), c("alice"), "Approve",
                Map.of(), null)), "a second completion is refused");
        assertEquals(List.of(), store.inTransaction(em -> desk.mine(em, c("alice"))));
    }

    @Test
    void aSecondCompletionThatReadTheItemBeforeTheFirstCommittedLosesTheRaceAndChangesNothing() {
        var flowId = launch();
        var item = onlyItemOf("alice");
        store.run(em -> desk.pickUp(em, item.id(), c("alice"), null));
        var lost = assertThrows(jakarta.persistence.OptimisticLockException.class, () -> store.run(em -> {
            // this transaction has read the item and its flow while both were still open...
            em.find(WorkItem.class, item.id());
            em.find(org.ipaserver.flow.FlowRecord.class, flowId);
            // ...when another completion ends the flow and commits
            java.util.concurrent.CompletableFuture.runAsync(() -> store.run(other -> desk.complete(other, item.id(),
                    c("alice"), "Approve", Map.of("body", Json.createValue("SUV")), null))).join();
            desk.complete(em, item.id(), c("alice"), "Deny", Map.of("body", Json.createValue("Sedan")), null);
        }));
        assertTrue(lost.getMessage().contains(flowId), lost.getMessage());
        var done = store.inTransaction(em -> engine.view(em, flowId));
        assertEquals("completed", done.status());
        assertEquals("approved by form", done.variables().get("Reason"), "the first completion stands alone");
    }

    @Test
    void draftsHoldsTransfersAndStaleWrites() {
        launch();
        var item = onlyItemOf("alice");
        var picked = store.inTransaction(em -> desk.pickUp(em, item.id(), c("alice"), item.version()));
        assertThrows(WorkItemConflict.class, () -> store.run(em -> desk.hold(em, item.id(), c("alice"),
                item.version())), "the version the client saw is stale");

        var drafted = store.inTransaction(em -> desk.saveDraft(em, item.id(), c("alice"),
                Map.of("body", Json.createValue("Sedan")), picked.version()));
        assertEquals("Sedan", drafted.fields().get(1).value());
        assertEquals("held", store.inTransaction(em -> desk.hold(em, item.id(), c("alice"), null)).status());
        assertEquals("processing", store.inTransaction(em -> desk.unhold(em, item.id(), c("alice"), null)).status());

        store.run(em -> desk.transfer(em, item.id(), c("alice"), "victor", null, null));
        assertEquals(List.of(), store.inTransaction(em -> desk.mine(em, c("alice"))));
        assertThrows(WorkItemDesk.UnknownWorkItem.class, () -> store.run(em -> desk.get(em, item.id(), c("alice"))));
        var moved = onlyItemOf("victor");
        assertEquals("alerting", moved.status());
        store.run(em -> desk.pickUp(em, item.id(), c("victor"), null));
        store.run(em -> desk.complete(em, item.id(), c("victor"), "Approve", Map.<String, JsonValue>of(), null));
        var flow = store.inTransaction(em -> engine.view(em, moved.flowId()));
        assertEquals("Sedan", flow.variables().get("Body"), "the draft is part of the answer");
        assertEquals("approved by form", flow.variables().get("Reason"));
    }

    @Test
    void aWorkItemThatTimesOutIsWithdrawnAndTheTimeoutPathRuns() {
        var flowId = launch();
        var item = onlyItemOf("alice");
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(flowId), store.inTransaction(em -> engine.dueTimers(em, 10)));
        store.run(em -> engine.resumeTimer(em, flowId));
        assertEquals("timed out by form", store.inTransaction(em -> engine.view(em, flowId)).variables().get("Reason"));
        assertEquals(List.of(), store.inTransaction(em -> desk.mine(em, c("alice"))));
        assertThrows(WorkItemConflict.class, () -> store.run(em -> desk.pickUp(em, item.id(), c("alice"), null)));
    }

    @Test
    void cancellingTheFlowCancelsItsWorkItem() {
        var flowId = launch();
        var item = onlyItemOf("alice");
        store.run(em -> engine.cancel(em, flowId));
        assertEquals(List.of(), store.inTransaction(em -> desk.mine(em, c("alice"))));
        assertEquals("cancelled", store.inTransaction(em -> em.find(WorkItem.class, item.id()).status().code()));
    }

    @Test
    void afterARestartItemsBeingProcessedComeBackHeld() {
        launch();
        var processing = onlyItemOf("alice");
        store.run(em -> desk.pickUp(em, processing.id(), c("alice"), null));
        launch();
        assertEquals(Integer.valueOf(1), store.inTransaction(em -> desk.restore(em, "storage-a")));
        assertEquals(Integer.valueOf(0), store.inTransaction(em -> desk.restore(em, "another-instance")));
        var statuses = store.inTransaction(em -> desk.mine(em, c("alice"))).stream()
                .map(WorkItemView::status).sorted().toList();
        assertEquals(List.of("alerting", "held"), statuses);
    }

    static final String QUEUED = """
            { "name": "Queued", "startState": "S",
              "variables": [ { "name": "Note", "type": "String" } ],
              "forms": [ { "name": "F", "fields": [ { "name": "note", "variable": "Note" } ], "buttons": [ { "name": "Ok" } ] } ],
              "states": [ { "name": "S", "actions": [
                { "type": "SendWorkItemToWorkgroup", "form": "F", "workgroup": "Underwriters", "skills": { "Loans": 50 } } ] } ] }
            """;

    private void sql(String statement) {
        store.run(em -> em.createNativeQuery(statement).executeUpdate());
    }

    private void member(String user, String presence, String licence, int loans) {
        sql("INSERT INTO ipa_WorkgroupMembers (workgroup_name, user_name) VALUES ('Underwriters', '" + user + "')");
        sql("INSERT INTO ipa_UserPresence (user_name, presence, changed_at) VALUES ('" + user + "', '" + presence
                + "', CURRENT_TIMESTAMP)");
        sql("INSERT INTO ipa_UserLicences (user_name, licence) VALUES ('" + user + "', '" + licence + "')");
        sql("INSERT INTO ipa_UserSkills (user_name, skill, skill_level) VALUES ('" + user + "', 'Loans', " + loans + ")");
    }

    @Test
    void workgroupItemsGoToTheBestAvailableMemberOrWaitInTheQueue() {
        store.run(em -> catalog.publish(em, QUEUED, "designer", clock.instant()));
        sql("INSERT INTO ipa_Workgroups (workgroup_name) VALUES ('Underwriters')");
        member("ann", "available", "GROUP_ROUTED", 60);
        member("dan", "available", "DIRECT_ROUTED", 99); // a Direct Routed licence never gets workgroup items
        member("eve", "away", "GROUP_ROUTED", 90);
        Runnable launchOne = () -> store.run(em -> engine.launch(em, "Queued", null, Map.of(), "bob"));

        launchOne.run();
        assertEquals(1, store.inTransaction(em -> desk.mine(em, c("ann"))).size(), "ann is the only one who qualifies");
        sql("UPDATE ipa_UserPresence SET presence = 'away' WHERE user_name = 'ann'");
        launchOne.run();
        var queue = store.inTransaction(em -> desk.queue(em, "Underwriters", c("ann")));
        assertEquals(1, queue.size(), "nobody available: the item waits");
        assertThrows(org.ipaserver.security.AccessDenied.class,
                () -> store.run(em -> desk.queue(em, "Underwriters", c("bob"))), "only members see the queue");

        sql("UPDATE ipa_UserPresence SET presence = 'available' WHERE user_name = 'eve'");
        assertEquals(Integer.valueOf(1), store.inTransaction(em -> new WorkItemRouter(clock).offerQueued(em, "eve")));
        assertEquals(List.of(), store.inTransaction(em -> desk.queue(em, "Underwriters", c("ann"))));
        assertEquals(1, store.inTransaction(em -> desk.mine(em, c("eve"))).size());
        assertEquals(List.of(), store.inTransaction(em -> desk.mine(em, c("dan"))));
    }

    private void queuedProcessWithUnderwriters() {
        store.run(em -> catalog.publish(em, QUEUED, "designer", clock.instant()));
        sql("INSERT INTO ipa_Workgroups (workgroup_name) VALUES ('Underwriters')");
    }

    /** The routing use cases as an administrator calls them; presence changes reach the queues as in the server. */
    private org.ipaserver.routing.RoutingService routing(jakarta.persistence.EntityManager em) {
        var router = new WorkItemRouter(clock);
        return org.ipaserver.routing.RoutingServices.asAdmin(em, new WorkItemsInHand(), change -> {
            if (change.presence() == org.ipaserver.routing.Presence.AVAILABLE) {
                router.offerQueued(em, change.user());
            }
        });
    }

    private org.ipaserver.routing.RoutingDecision whoWouldGetAnItem() {
        return store.inTransaction(em -> routing(em).route("Underwriters", Map.of("Loans", 50)));
    }

    @Test
    void theRoutingQuestionCountsItemsInHandAndAnswersWhereTheNextItemGoes() {
        queuedProcessWithUnderwriters();
        member("ann", "available", "GROUP_ROUTED", 60);
        member("bob", "available", "GROUP_ROUTED", 60);
        Runnable launchOne = () -> store.run(em -> engine.launch(em, "Queued", null, Map.of(), "cid"));
        assertEquals("ann", whoWouldGetAnItem().chosen().orElseThrow(), "equal skills, nobody holds any: by name");

        launchOne.run();
        assertEquals(1, store.inTransaction(em -> desk.mine(em, c("ann"))).size());
        var asked = whoWouldGetAnItem();
        assertEquals("bob", asked.chosen().orElseThrow(), "ann holds one item now");
        assertEquals(List.of(0, 1), asked.candidates().stream()
                .map(org.ipaserver.routing.RoutingDecision.Assessment::itemsInHand).toList());
        launchOne.run();
        assertEquals(1, store.inTransaction(em -> desk.mine(em, c("bob"))).size(), "the answer was right");

        var heldByAnn = onlyItemOf("ann");
        store.run(em -> desk.pickUp(em, heldByAnn.id(), c("ann"), null));
        store.run(em -> desk.hold(em, heldByAnn.id(), c("ann"), null));
        assertEquals(List.of(1, 1), whoWouldGetAnItem().candidates().stream()
                .map(org.ipaserver.routing.RoutingDecision.Assessment::itemsInHand).toList(), "held items count too");
    }

    @Test
    void aWorkgroupItemRestoredHeldInTheQueueGoesToAMemberWhoBecomesAvailable() {
        queuedProcessWithUnderwriters();
        member("ann", "available", "GROUP_ROUTED", 60);
        member("eve", "away", "GROUP_ROUTED", 90);
        store.run(em -> engine.launch(em, "Queued", null, Map.of(), "cid"));
        var item = onlyItemOf("ann");
        store.run(em -> desk.pickUp(em, item.id(), c("ann"), null));
        sql("UPDATE ipa_UserPresence SET presence = 'away' WHERE user_name = 'ann'");

        assertEquals(Integer.valueOf(1), store.inTransaction(em -> desk.restore(em, "storage-a")), "a restart");
        var queued = store.inTransaction(em -> desk.queue(em, "Underwriters", c("eve")));
        assertEquals(List.of("held"), queued.stream().map(WorkItemView::status).toList(), "held in the queue");
        assertEquals(List.of(), store.inTransaction(em -> desk.mine(em, c("ann"))));

        store.run(em -> routing(em).setPresence("eve", "available"));
        var offered = onlyItemOf("eve");
        assertEquals(item.id(), offered.id());
        assertEquals("alerting", offered.status());
        assertEquals(List.of(), store.inTransaction(em -> desk.queue(em, "Underwriters", c("eve"))));
        store.run(em -> desk.pickUp(em, item.id(), c("eve"), null));
        store.run(em -> desk.complete(em, item.id(), c("eve"), "Ok", Map.<String, JsonValue>of(), null));
        assertEquals("completed", store.inTransaction(em -> engine.view(em, item.flowId())).status());
    }

    @Test
    void aUsersMarkChangesWithEveryChangeToTheirListsAndWithNoOneElses() {
        queuedProcessWithUnderwriters();
        member("ann", "available", "GROUP_ROUTED", 60);
        member("eve", "away", "GROUP_ROUTED", 90);
        var users = java.util.Set.of("ann", "eve", "bob");
        var marks = new java.util.HashMap<>(store.inTransaction(em -> WorkListMark.of(em, users)));
        java.util.function.Function<String, List<String>> changedAfter = what -> {
            var now = store.inTransaction(em -> WorkListMark.of(em, users));
            var changed = users.stream().filter(u -> !now.get(u).equals(marks.get(u))).sorted().toList();
            marks.putAll(now);
            return changed;
        };
        assertEquals(java.util.Set.of("Underwriters"), marks.get("ann").workgroups());
        assertEquals(java.util.Set.of(), marks.get("bob").workgroups());

        store.run(em -> engine.launch(em, "Queued", null, Map.of(), "bob"));
        assertEquals(List.of("ann"), changedAfter.apply("routed to ann, who is available"));
        var first = onlyItemOf("ann");
        sql("UPDATE ipa_UserPresence SET presence = 'away' WHERE user_name = 'ann'");
        assertEquals(List.of(), changedAfter.apply("a presence alone changes no list"));
        store.run(em -> engine.launch(em, "Queued", null, Map.of(), "bob"));
        assertEquals(List.of("ann", "eve"), changedAfter.apply("waiting in the queue of both"));

        store.run(em -> desk.pickUp(em, first.id(), c("ann"), null));
        assertEquals(List.of("ann"), changedAfter.apply("picked up"));
        store.run(em -> desk.saveDraft(em, first.id(), c("ann"), Map.of("note", Json.createValue("x")), null));
        assertEquals(List.of("ann"), changedAfter.apply("a draft"));
        store.run(em -> desk.complete(em, first.id(), c("ann"), "Ok", Map.<String, JsonValue>of(), null));
        assertEquals(List.of("ann"), changedAfter.apply("completed: it leaves her list"));

        var queued = store.inTransaction(em -> desk.queue(em, "Underwriters", c("eve"))).get(0);
        store.run(em -> desk.pickUp(em, queued.id(), c("eve"), null));
        assertEquals(List.of("ann", "eve"), changedAfter.apply("taken from the queue by eve"));
        store.run(em -> desk.transfer(em, queued.id(), c("eve"), "bob", null, null));
        assertEquals(List.of("bob", "eve"), changedAfter.apply("handed to bob"));
        sql("INSERT INTO ipa_WorkgroupMembers (workgroup_name, user_name) VALUES ('Underwriters', 'bob')");
        assertEquals(List.of("bob"), changedAfter.apply("bob joins a workgroup: its queue is his"));
        assertEquals(List.of(), changedAfter.apply("nothing happened"));
    }
}
