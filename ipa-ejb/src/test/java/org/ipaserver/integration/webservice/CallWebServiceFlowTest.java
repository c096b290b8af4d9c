package org.ipaserver.integration.webservice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowView;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.store.JsonFactory;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flow with a CallWebService action, end to end on the engine: the flow commits "calling", the
 * call goes to a real HTTP server with the evaluated inputs, and its answer picks the exit and
 * fills the variables. On H2, clock in hand.
 */
class CallWebServiceFlowTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final List<CallRequest> started = new ArrayList<>();
    private final FlowEngine engine = new FlowEngine(catalog, clock, new FlowOwner("storage-a", 0), 5,
            new WorkItemRouter(clock), started::add);
    private final WebServiceClient client = new WebServiceClient(new WebServiceSettings(null,
            WebServiceSettings.DEFAULT_MAX_ANSWER_BYTES, Duration.ofSeconds(5)));
    private final TestServer server = TestServer.http();
    private LocalStore store;

    @BeforeEach
    void open() {
        server.on("/applicants/", exchange -> {
            var failing = exchange.getRequestURI().getRawPath().contains("broken");
            TestServer.answer(exchange, failing ? 502 : 200, "application/json",
                    failing ? "" : "{\"data\": {\"score\": 742, \"band\": \"A\"}}");
        }).start();
        store = LocalStore.h2InMemory();
        store.run(em -> catalog.publish(em, """
                {"name": "Scoring", "startState": "Score",
                 "variables": [{"name": "Id", "type": "String"}, {"name": "Credit", "type": "Integer"},
                               {"name": "Score", "type": "Integer"}, {"name": "Band", "type": "String"},
                               {"name": "Status", "type": "Integer"}, {"name": "Outcome", "type": "String"}],
                 "states": [{"name": "Score", "actions": [
                   {"type": "CallWebService", "name": "Score applicant",
                    "rest": {"method": "POST", "url": "%s/applicants/${Id}/score",
                             "body": {"credit": "${Credit}", "source": "ipa"}},
                    "outputs": {"/data/score": "Score", "/data/band": "Band", "status": "Status"},
                    "timeout": "PT5S",
                    "exits": {"5xx": [{"type": "UpdateVariables",
                                       "assignments": [{"variable": "Outcome", "value": "retry later"}]}]}},
                   {"type": "UpdateVariables", "assignments": [{"variable": "Outcome",
                                                               "value": "${empty Outcome ? 'scored' : Outcome}"}]}]}]}
                """.formatted(server.base("http")), "designer", clock.instant()));
    }

    @AfterEach
    void close() {
        store.close();
        server.close();
    }

    @Test
    void theAnswerFillsTheVariablesAndTheFlowGoesOn() {
        var id = launch("A-17");
        var request = started.get(0);
        assertEquals("calling CallWebService 'Score applicant' (call 1, attempt 1)", view(id).waitingOn());

        var result = client.call(request);
        store.inTransaction(em -> engine.callEnded(em, request.flowId(), request.number(), result));

        var done = view(id);
        assertEquals("completed", done.status());
        assertEquals(742L, done.variables().get("Score"));
        assertEquals("A", done.variables().get("Band"));
        assertEquals(200L, done.variables().get("Status"));
        assertEquals("scored", done.variables().get("Outcome"));
        var received = server.received.get(0);
        assertEquals("/applicants/A-17/score", received.rawPath());
        assertEquals(request.idempotencyKey(), received.header("Idempotency-key"));
        assertEquals(JsonFactory.readObject("{\"credit\": 700, \"source\": \"ipa\"}"),
                JsonFactory.readObject(received.body()));
    }

    @Test
    void aServerErrorTakesTheExitOfItsStatusClass() {
        var id = launch("broken");
        var request = started.get(0);

        var result = client.call(request);
        store.inTransaction(em -> engine.callEnded(em, request.flowId(), request.number(), result));

        var done = view(id);
        assertEquals("completed", done.status());
        assertEquals("retry later", done.variables().get("Outcome"));
        assertEquals(502L, done.variables().get("Status"));
    }

    private String launch(String applicant) {
        return store.inTransaction(em -> engine.launch(em, "Scoring", null, Map.<String, JsonValue>of(
                "Id", Json.createValue(applicant), "Credit", Json.createValue(700)), "alice"));
    }

    private FlowView view(String id) {
        return store.inTransaction(em -> engine.view(em, id));
    }
}
