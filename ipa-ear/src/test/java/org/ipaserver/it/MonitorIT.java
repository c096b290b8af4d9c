package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live monitor over WebSocket in the server: subscribers get a flow's events in order, each
 * masked for them (rights, data security: a restricted value is in no frame of a user outside
 * the specification); a subscriber that reconnects with its last number misses nothing; a filter
 * matching more than PAS Maximum Monitored Flows is refused with the count; a page of another
 * site cannot open the socket.
 */
@ExtendWith(ArquillianExtension.class)
class MonitorIT {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    /** Waits an hour in its second state; Ssn is for admin's eyes only. */
    private static String definition(String name) {
        return """
                { "name": "%s", "startState": "Intake",
                  "securitySpecifications": [ { "name": "OnlyAdmin", "users": ["admin"] } ],
                  "variables": [ { "name": "Ssn", "type": "String", "securitySpecification": "OnlyAdmin" },
                                 { "name": "Amount", "type": "Integer", "initial": 7 } ],
                  "states": [
                    { "name": "Intake", "actions": [ { "type": "ChangeState", "state": "Pause" } ] },
                    { "name": "Pause", "actions": [ { "type": "Wait", "duration": "PT1H" }, { "type": "EndProcess" } ] } ] }
                """.formatted(name);
    }

    private String publish(Api api) {
        var name = "Watched" + System.nanoTime();
        var published = api.post(Api.ADMIN, "definitions", definition(name));
        assertEquals(201, published.status(), published::toString);
        return name;
    }

    private static String launch(Api api, Api.Credentials who, String process, String ssn) {
        var launched = api.post(who, "flows", """
                { "definition": "%s", "variables": { "Ssn": "%s" } }""".formatted(process, ssn));
        assertEquals(201, launched.status(), launched::toString);
        return launched.json().getString("id");
    }

    private static void cancel(Api api, String flowId) {
        var cancelled = api.post(Api.ADMIN, "flows/" + flowId + "/cancel", "{}");
        assertEquals(200, cancelled.status(), cancelled::toString);
    }

    private static JsonObject awaitEvent(MonitorSocket socket, String flowId, String kind) {
        return socket.await(f -> f.getString("type").equals("event") && f.getString("flowId").equals(flowId)
                && f.getString("kind").equals(kind), SOON, kind + " of " + flowId);
    }

    private static List<String> kinds(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("kind")).toList();
    }

    private static void assertNumberedInOrder(List<JsonObject> events) {
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).getJsonNumber("seq").longValue() > events.get(i - 1).getJsonNumber("seq")
                    .longValue(), "in order: " + events);
        }
    }

    @Test
    void subscribersGetAFlowsEventsInOrderEachMaskedForThem() {
        var api = Api.at(contextRoot);
        var process = publish(api);
        var secretA = "SSN-A-" + System.nanoTime();
        var secretB = "SSN-B-" + System.nanoTime();
        try (var admin = MonitorSocket.open(contextRoot, Api.ADMIN);
             var victor = MonitorSocket.open(contextRoot, Api.VICTOR);
             var bob = MonitorSocket.open(contextRoot, Api.BOB)) {
            for (var socket : List.of(admin, victor, bob)) {
                socket.subscribe("{\"process\":\"" + process + "\"}", null);
                assertEquals(0, socket.awaitType("subscribed").getInt("count"));
            }

            var alices = launch(api, Api.ALICE, process, secretA);
            var bobs = launch(api, Api.BOB, process, secretB);
            cancel(api, alices);
            cancel(api, bobs);

            var launched = awaitEvent(admin, alices, "launched");
            assertEquals(secretA, launched.getJsonObject("variables").getString("Ssn"), "admin is in the specification");
            awaitEvent(admin, alices, "cancelled");
            assertEquals(List.of("launched", "stateChanged", "waitingOn", "cancelled"), kinds(admin.events(alices)));
            assertNumberedInOrder(admin.events(alices));
            assertEquals("Pause", admin.events(alices).get(1).getJsonObject("data").getString("to"));
            assertEquals("timer", admin.events(alices).get(2).getJsonObject("data").getString("on"));

            var masked = awaitEvent(victor, alices, "launched");
            assertFalse(masked.getJsonObject("variables").containsKey("Ssn"), masked::toString);
            assertEquals(7, masked.getJsonObject("variables").getInt("Amount"));
            assertEquals(List.of("Ssn"), masked.getJsonArray("restricted").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList());
            awaitEvent(victor, bobs, "cancelled");
            assertEquals(List.of("launched", "stateChanged", "waitingOn", "cancelled"), kinds(victor.events(alices)),
                    "the View right: every flow of the process");

            awaitEvent(bob, bobs, "cancelled");
            assertEquals(List.of("launched", "stateChanged", "waitingOn", "cancelled"), kinds(bob.events(bobs)));
            assertEquals(List.of(), bob.events(alices), "without the View right bob watches his own flows only");

            for (var socket : List.of(victor, bob)) {
                synchronized (socket.received) {
                    for (var frame : socket.received) {
                        assertFalse(frame.contains(secretA) || frame.contains(secretB), "a restricted value in " + frame);
                    }
                }
            }
        }
    }

    /** The one work item of {@code flowId} in the user's list, within {@link #SOON}. */
    private static JsonObject itemOf(Api api, Api.Credentials who, String flowId) {
        var items = api.get(who, "workitems");
        assertEquals(200, items.status(), items::toString);
        return items.jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("flowId").equals(flowId)).findFirst()
                .orElseThrow(() -> new AssertionError("no item of " + flowId + " in " + items));
    }

    @Test
    void myWorkItemsAreToldOfEachChangeToTheirListsAndOfNoOneElses() throws Exception {
        var api = Api.at(contextRoot);
        var process = "Desk" + System.nanoTime();
        var published = api.post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "Reviewer", "type": "String" }, { "name": "Note", "type": "String" } ],
                  "forms": [ { "name": "F", "fields": [ { "name": "note", "variable": "Note" } ],
                               "buttons": [ { "name": "Ok" } ] } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "SendWorkItemToUser", "form": "F", "user": "${Reviewer}" }, { "type": "EndProcess" } ] } ] }
                """.formatted(process));
        assertEquals(201, published.status(), published::toString);
        Predicate<JsonObject> changed = f -> f.getString("type").equals("workItemsChanged");
        try (var alice = MonitorSocket.open(contextRoot, Api.ALICE);
             var victor = MonitorSocket.open(contextRoot, Api.VICTOR)) {
            for (var socket : List.of(alice, victor)) {
                socket.watchWorkItems();
                socket.awaitType("watchingWorkItems");
            }
            var launched = api.post(Api.ADMIN, "flows", """
                    { "definition": "%s", "variables": { "Reviewer": "alice", "Note": "secret-note" } }"""
                    .formatted(process));
            assertEquals(201, launched.status(), launched::toString);
            var flowId = launched.json().getString("id");
            alice.await(changed, SOON, "alice told of her new item");

            var item = itemOf(api, Api.ALICE, flowId);
            var picked = api.post(Api.ALICE, "workitems/" + item.getString("id") + "/pickup", "{}");
            assertEquals(200, picked.status(), picked::toString);
            alice.await(changed, SOON, "alice told of her item picked up");
            var completed = api.post(Api.ALICE, "workitems/" + item.getString("id") + "/complete",
                    "{\"button\":\"Ok\",\"values\":{}}");
            assertEquals(200, completed.status(), completed::toString);
            alice.await(changed, SOON, "alice told of her item completed");

            Thread.sleep(2500); // more than two passes of the watch
            synchronized (victor.received) {
                assertEquals(List.of("{\"type\":\"watchingWorkItems\"}"), victor.received.stream()
                        .filter(f -> !f.contains("heartbeat")).toList(), "victor was told nothing of alice's items");
            }
            synchronized (alice.received) {
                for (var frame : alice.received) {
                    assertTrue(frame.equals("{\"type\":\"workItemsChanged\"}")
                            || frame.equals("{\"type\":\"watchingWorkItems\"}") || frame.contains("heartbeat"),
                            "a frame that says only that something changed: " + frame);
                }
            }
        }
    }

    @Test
    void aSubscriberThatReconnectsWithItsLastNumberMissesNothing() {
        var api = Api.at(contextRoot);
        var process = publish(api);
        var first = launch(api, Api.ALICE, process, "x");
        long last;
        try (var socket = MonitorSocket.open(contextRoot, Api.ADMIN)) {
            socket.subscribe("{\"process\":\"" + process + "\"}", null);
            assertEquals(1, socket.awaitType("subscribed").getInt("count"), "the flow already waiting matches");
            var second = launch(api, Api.ALICE, process, "y");
            last = awaitEvent(socket, second, "waitingOn").getJsonNumber("seq").longValue();
            socket.abort(); // the network goes away
        }

        // meanwhile: one flow cancelled, one launched
        cancel(api, first);
        var third = launch(api, Api.ALICE, process, "z");

        try (var again = MonitorSocket.open(contextRoot, Api.ADMIN)) {
            again.subscribe("{\"process\":\"" + process + "\"}", last);
            var subscribed = again.awaitType("subscribed");
            assertTrue(subscribed.getJsonNumber("last").longValue() >= last, subscribed::toString);
            var missed = new ArrayList<JsonObject>();
            synchronized (again.received) {
                again.received.stream().map(f -> Api.parse(f).asJsonObject())
                        .filter(f -> f.getString("type").equals("event")).forEach(missed::add);
            }
            awaitEvent(again, third, "waitingOn");
            assertFalse(again.received.stream().anyMatch(f -> f.contains("\"type\":\"gap\"")), "nothing was lost");
            assertEquals(List.of("cancelled"), kinds(again.events(first)), "what happened while away, once");
            assertEquals(List.of("launched", "stateChanged", "waitingOn"), kinds(again.events(third)));
            assertTrue(missed.stream().allMatch(e -> e.getJsonNumber("seq").longValue() > last), missed::toString);
            assertNumberedInOrder(missed);
        }
    }

    @Test
    void aFilterMatchingMoreThanTheMaximumIsRefusedWithTheCount() {
        var api = Api.at(contextRoot);
        var process = publish(api);
        TestDomain.setConfigProperty("PAS_MaximumMonitoredFlows", "100");
        try (var socket = MonitorSocket.open(contextRoot, Api.ADMIN)) {
            for (int i = 0; i < 101; i++) {
                launch(api, Api.BOB, process, "n" + i);
            }
            socket.subscribe("{\"process\":\"" + process + "\"}", null);
            var refused = socket.awaitType("refused");
            assertEquals(101, refused.getInt("count"), refused::toString);
            assertTrue(refused.getBoolean("countExact"));
            assertEquals(100, refused.getInt("maximum"));
            assertTrue(refused.getString("detail").contains("narrow it"), refused::toString);

            socket.subscribe("{\"process\":\"" + process + "\",\"launchedBy\":\"alice\"}", null);
            assertEquals(0, socket.awaitType("subscribed").getInt("count"), "a narrower filter is taken");

            socket.subscribe("{\"process\":\"" + process + "\",\"status\":\"asleep\",\"startedFrom\":\"noon\"}", null);
            var invalid = socket.awaitType("invalid");
            assertEquals(List.of("filter.status", "filter.startedFrom"), invalid.getJsonArray("errors")
                    .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList(), invalid::toString);
        } finally {
            TestDomain.deleteConfigProperty("PAS_MaximumMonitoredFlows");
        }
    }

    @Test
    void onlyASignedInUserOnThisServersPagesOpensTheMonitor() {
        var own = contextRoot.getProtocol() + "://" + contextRoot.getHost() + ":" + contextRoot.getPort();
        assertEquals(403, MonitorSocket.handshakeStatus(contextRoot, Api.ADMIN, "https://evil.example"),
                "a page of another site, even with the user's credentials");
        assertEquals(403, MonitorSocket.handshakeStatus(contextRoot, Api.ADMIN,
                contextRoot.getProtocol() + "://" + contextRoot.getHost() + ":" + (contextRoot.getPort() + 1)),
                "another port is another origin");
        assertEquals(401, MonitorSocket.handshakeStatus(contextRoot, Api.NONE, own));
        assertEquals(401, MonitorSocket.handshakeStatus(contextRoot, Api.ADMIN.withPassword("wrong"), own));
        assertEquals(101, MonitorSocket.handshakeStatus(contextRoot, Api.ADMIN, own));
        assertEquals(101, MonitorSocket.handshakeStatus(contextRoot, Api.ADMIN, null), "a client that is no browser");
    }
    /**
     * 50 subscribers, half of them outside the security specification, watch 100 flows launched
     * from 4 threads: each gets every event of every flow, the masked ones never the value. Prints
     * the frames delivered per second (bounded here by the launches over HTTP).
     */
    @Test
    void fiftySubscribersEachGetEveryEventMaskedForThem() throws Exception {
        var api = Api.at(contextRoot);
        var process = publish(api);
        var secret = "SSN-MANY-" + System.nanoTime();
        var sockets = new ArrayList<MonitorSocket>();
        try {
            for (int i = 0; i < 50; i++) {
                var socket = MonitorSocket.open(contextRoot, i % 2 == 0 ? Api.ADMIN : Api.VICTOR);
                sockets.add(socket);
                socket.subscribe("{\"process\":\"" + process + "\"}", null);
            }
            for (var socket : sockets) {
                socket.awaitType("subscribed");
            }
            int flows = 100;
            var launched = java.util.Collections.synchronizedList(new ArrayList<String>());
            var started = System.nanoTime();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            for (int i = 0; i < flows; i++) {
                pool.submit(() -> launched.add(launch(api, Api.BOB, process, secret)));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES));
            var launchMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertEquals(flows, launched.size());
            int events = flows * 3; // launched, stateChanged, waitingOn
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (var socket : sockets) {
                while (socket.eventCount() < events && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(events, socket.eventCount(), "every event, once, to every subscriber");
            }
            var millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf("monitor: %d flows launched over HTTP (4 threads) in %d ms; their %d events reached "
                    + "all %d subscribers (%d frames, half of them masked) %d ms after the first launch: %.0f frames/s%n",
                    flows, launchMillis, events, sockets.size(), events * sockets.size(), millis,
                    events * sockets.size() * 1000.0 / millis);
            for (int i = 1; i < sockets.size(); i += 2) {
                synchronized (sockets.get(i).received) {
                    assertTrue(sockets.get(i).received.stream().noneMatch(f -> f.contains(secret)));
                }
            }
            synchronized (sockets.get(0).received) {
                assertTrue(sockets.get(0).received.stream().anyMatch(f -> f.contains(secret)), "admin is listed");
            }
        } finally {
            sockets.forEach(MonitorSocket::close);
        }
    }
}
