package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CallWebService from the deployed EAR to a small REST endpoint this test runs on 127.0.0.1 (the
 * server runs on the same machine): the call is made on the server's threads after the flow's
 * commit, with the step's Idempotency-Key, and its answer fills variables and picks the exit.
 */
@ExtendWith(ArquillianExtension.class)
class CallWebServiceIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private HttpServer scoring;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> callsPerKey = new ConcurrentHashMap<>();

    @BeforeEach
    void startScoring() throws IOException {
        scoring = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        scoring.setExecutor(Executors.newCachedThreadPool());
        scoring.createContext("/applicants/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null) {
                callsPerKey.merge(key, 1, Integer::sum);
            }
            if (exchange.getRequestURI().getRawPath().contains("broken")) {
                answer(exchange, 503, "");
            } else {
                answer(exchange, 200, "{\"data\": {\"score\": 742, \"band\": \"A\"}}");
            }
        });
        scoring.start();
    }

    @AfterEach
    void stopScoring() {
        scoring.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Api api() {
        return Api.at(contextRoot);
    }

    private String publish() {
        var name = "WebService" + System.nanoTime();
        var published = api().post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "Applicant", "type": "String" },
                                 { "name": "Credit", "type": "Integer", "initial": 700 },
                                 { "name": "Score", "type": "Integer" }, { "name": "Band", "type": "String" },
                                 { "name": "Status", "type": "Integer" },
                                 { "name": "Outcome", "type": "String", "initial": "success" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "CallWebService", "name": "Score",
                      "rest": { "method": "POST", "url": "http://127.0.0.1:%d/applicants/${Applicant}/score",
                                "body": { "credit": "${Credit}" } },
                      "outputs": { "/data/score": "Score", "/data/band": "Band", "status": "Status" },
                      "timeout": "PT10S",
                      "exits": { "failure": [ { "type": "UpdateVariables",
                                   "assignments": [ { "variable": "Outcome", "value": "failure" } ] } ] } } ] } ] }
                """.formatted(name, scoring.getAddress().getPort()));
        assertEquals(201, published.status(), published::toString);
        return name;
    }

    private JsonObject run(String process, String applicant) {
        var launched = api().post(Api.ALICE, "flows", "{ \"definition\": \"" + process
                + "\", \"variables\": { \"Applicant\": \"" + applicant + "\" } }");
        assertEquals(201, launched.status(), launched::toString);
        return api().awaitEnd(launched.json().getString("id"));
    }

    @Test
    void theServiceAnswerFillsTheVariables() {
        var flow = run(publish(), "ann lee");

        assertEquals("completed", flow.getString("status"), flow::toString);
        var variables = flow.getJsonObject("variables");
        assertEquals(742, variables.getInt("Score"));
        assertEquals("A", variables.getString("Band"));
        assertEquals(200, variables.getInt("Status"));
        assertEquals("success", variables.getString("Outcome"));
        assertEquals(List.of("/applicants/ann%20lee/score"), paths);
        assertEquals("{\"credit\":700}", bodies.get(0));
        assertEquals(1, callsPerKey.size(), "the call carried an Idempotency-Key");
        assertNotNull(callsPerKey.values().iterator().next());
    }

    @Test
    void aServerErrorTakesTheFailureExitWithItsStatus() {
        var flow = run(publish(), "broken");

        assertEquals("completed", flow.getString("status"), flow::toString);
        assertEquals("failure", flow.getJsonObject("variables").getString("Outcome"));
        assertEquals(503, flow.getJsonObject("variables").getInt("Status"));
    }
}
