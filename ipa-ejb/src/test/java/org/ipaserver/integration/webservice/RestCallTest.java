package org.ipaserver.integration.webservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.action.CallResult;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.WebServiceRequest;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.job.CallUnavailable;
import org.ipaserver.store.JsonFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** REST/JSON calls against a real HTTP server on 127.0.0.1. */
class RestCallTest {

    private final WebServiceClient client = new WebServiceClient(new WebServiceSettings(null,
            WebServiceSettings.DEFAULT_MAX_ANSWER_BYTES, Duration.ofSeconds(5)));
    private final TestServer server = TestServer.http();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postsTypedJsonToAnEncodedUrlAndMapsTheAnswerByPointer() {
        server.on("/applicants", exchange -> TestServer.answer(exchange, 200, "application/json",
                "{\"data\": {\"score\": 742, \"band\": \"A\", \"flags\": [1, 2]}}")).start();
        var action = rest("POST", server.base("http") + "/applicants/${Id}/score?channel=${Channel}",
                Map.of("X-Channel", "${Channel}"), Map.of("credit", "${Credit}", "rate", "${Rate}", "vip", "${Vip}"),
                Map.of("/data/score", "Score", "/data/band", "Band", "/data/flags", "Flags", "status", "Status"));
        var inputs = new LinkedHashMap<String, Object>();
        inputs.put("rest.url[1]", "a b/../c");
        inputs.put("rest.url[3]", "web&x=1");
        inputs.put("rest.headers.X-Channel", "web");
        inputs.put("rest.body.credit", 700L);
        inputs.put("rest.body.rate", new BigDecimal("1.25"));
        inputs.put("rest.body.vip", true);

        var result = client.call(request(action, inputs, 1));

        assertEquals(CallResult.SUCCESS, result.exit());
        assertEquals("742", result.outputs().get("/data/score"));
        assertEquals("A", result.outputs().get("/data/band"));
        assertEquals("[1,2]", result.outputs().get("/data/flags"));
        assertEquals("200", result.outputs().get("status"));
        var got = server.received.get(0);
        assertEquals("POST", got.method());
        assertEquals("/applicants/a%20b%2F..%2Fc/score", got.rawPath(), "a value cannot add path segments");
        assertEquals("web", got.header("X-channel"));
        assertEquals("key-1", got.header("Idempotency-key"));
        assertEquals(JsonFactory.readObject("{\"credit\": 700, \"rate\": 1.25, \"vip\": true}"),
                JsonFactory.readObject(got.body()), "typed values keep their JSON types");
    }

    @Test
    void aValueCannotChangeTheQueryEither() {
        server.on("/q", exchange -> {
            // recorded before the answer: the client may look as soon as it has it
            server.received.add(new TestServer.Received("query", exchange.getRequestURI().getRawQuery(),
                    Map.of(), ""));
            TestServer.answer(exchange, 204, "text/plain", "");
        }).start();
        var action = rest("GET", server.base("http") + "/q?name=${Name}", Map.of(), Map.of(), Map.of());

        assertEquals(CallResult.SUCCESS, client.call(request(action, Map.of("rest.url[1]", "x&admin=true"), 1)).exit());
        assertEquals("name=x%26admin%3Dtrue", server.received.get(1).rawPath());
    }

    @Test
    void aServerErrorTakesTheFailureExitWithStatusAndReasonButNotTheBody() {
        server.on("/", exchange -> TestServer.answer(exchange, 500, "text/plain", "stack trace with secrets"))
                .start();
        var action = rest("GET", server.base("http") + "/x", Map.of(), Map.of(), Map.of("/a", "A"));

        var result = client.call(request(action, Map.of(), 1));

        assertEquals(CallResult.FAILURE, result.exit());
        assertEquals("500", result.outputs().get("status"));
        assertEquals("Internal Server Error", result.outputs().get("message"));
        assertEquals("127.0.0.1 answered 500 Internal Server Error", result.message());
        assertFalse(result.toString().contains("secrets"));
    }

    @Test
    void aStatusTheActionHandlesTakesItsOwnExitOrItsClass() {
        server.on("/", exchange -> TestServer.answer(exchange,
                exchange.getRequestURI().getPath().endsWith("missing") ? 404 : 409, "text/plain", "")).start();
        var exits = Map.<String, List<ActionDef>>of("404", List.of(), "4xx", List.of());

        assertEquals("404", client.call(request(rest("GET", server.base("http") + "/missing", exits), Map.of(), 1))
                .exit());
        assertEquals("4xx", client.call(request(rest("GET", server.base("http") + "/taken", exits), Map.of(), 1))
                .exit());
    }

    @Test
    void aRedirectIsNotFollowed() {
        try (var elsewhere = TestServer.http()) {
            elsewhere.on("/", exchange -> TestServer.answer(exchange, 200, "application/json", "{}")).start();
            server.on("/", exchange -> {
                exchange.getResponseHeaders().set("Location", elsewhere.base("http") + "/steal");
                TestServer.answer(exchange, 302, "text/plain", "");
            }).start();
            var action = rest("GET", server.base("http") + "/x", Map.of("Authorization", "Bearer ${Token}"),
                    Map.of(), Map.of());

            var result = client.call(request(action, Map.of("rest.headers.Authorization", "Bearer t"), 1));

            assertEquals(CallResult.FAILURE, result.exit());
            assertEquals("302", result.outputs().get("status"));
            assertEquals(List.of(), elsewhere.received, "the headers never reach a host the definition did not name");
        }
    }

    @Test
    void malformedJsonOrAMissingMemberTakesTheFailureExit() {
        server.on("/bad", exchange -> TestServer.answer(exchange, 200, "application/json", "{\"data\": "))
                .on("/other", exchange -> TestServer.answer(exchange, 200, "application/json", "{\"data\": {}}"))
                .start();
        var outputs = Map.of("/data/score", "Score");

        var bad = client.call(request(rest("GET", server.base("http") + "/bad", Map.of(), Map.of(), outputs),
                Map.of(), 1));
        assertEquals(CallResult.FAILURE, bad.exit());
        assertEquals("the answer of 127.0.0.1 is not valid JSON", bad.message());

        var missing = client.call(request(rest("GET", server.base("http") + "/other", Map.of(), Map.of(), outputs),
                Map.of(), 1));
        assertEquals(CallResult.FAILURE, missing.exit());
        assertEquals("the answer of 127.0.0.1 has no /data/score", missing.message());
    }

    @Test
    void anAnswerOverTheLimitIsRefusedWithOrWithoutItsLength() {
        var big = "{\"data\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        server.on("/sized", exchange -> TestServer.answer(exchange, 200, "application/json", big))
                .on("/chunked", exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (var out = exchange.getResponseBody()) {
                        out.write(big.getBytes());
                    } catch (IOException e) {
                        // the client stopped reading: what the test wants
                    }
                }).start();
        for (var path : List.of("/sized", "/chunked")) {
            var result = client.call(request(rest("GET", server.base("http") + path, Map.of(), Map.of(),
                    Map.of("/data", "Data")), Map.of(), 1));
            assertEquals(CallResult.FAILURE, result.exit(), path);
            assertTrue(result.message().contains("larger than 10485760 bytes"), result.message());
        }
    }

    @Test
    void aSlowAnswerTakesTheTimeoutExit() {
        server.on("/", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestServer.answer(exchange, 200, "application/json", "{}");
        }).start();
        var action = rest("GET", server.base("http") + "/slow", Map.of(), Map.of(), Map.of());

        var started = System.nanoTime();
        var result = client.call(new CallRequest("f", 1, 1, "key", action, Map.of(), Duration.ofMillis(500)));

        assertEquals(CallResult.TIMEOUT, result.exit());
        assertEquals("127.0.0.1 did not answer within PT0.5S", result.message());
        assertTrue(System.nanoTime() - started < 2_500_000_000L, "it did not wait for the answer");
    }

    @Test
    void anAnswerTrickledPastTheTimeoutTakesTheTimeoutExit() {
        server.on("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                out.write("{\"a\": \"".getBytes());
                for (int i = 0; i < 20; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
                out.write("\"}".getBytes());
            } catch (IOException | InterruptedException e) {
                // the client gave up: what the test wants
            }
        }).start();
        var action = rest("GET", server.base("http") + "/trickle", Map.of(), Map.of(), Map.of("/a", "A"));

        var result = client.call(new CallRequest("f", 1, 1, "key", action, Map.of(), Duration.ofSeconds(1)));

        assertEquals(CallResult.TIMEOUT, result.exit(), result.toString());
    }

    @Test
    void aRefusedConnectionIsAFailureOfTheMomentToTryAgain() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var action = rest("GET", "http://127.0.0.1:" + port + "/x", Map.of(), Map.of(), Map.of());

        var down = assertThrows(CallUnavailable.class, () -> client.call(request(action, Map.of(), 1)));
        assertEquals("cannot connect to 127.0.0.1: ConnectException", down.getMessage());
    }

    @Test
    void everyAttemptOfAStepSendsTheSameIdempotencyKey() {
        server.on("/", exchange -> TestServer.answer(exchange, 503, "text/plain", "")).start();
        var action = rest("PUT", server.base("http") + "/orders/1", Map.of(), Map.of("qty", "${Qty}"), Map.of());

        for (int attempt = 1; attempt <= 3; attempt++) {
            client.call(new CallRequest("f", 7, attempt, "flow-f-call-7", action, Map.of("rest.body.qty", 2L), null));
        }
        client.call(new CallRequest("f", 8, 1, "flow-f-call-8", action, Map.of("rest.body.qty", 2L), null));

        assertEquals(3, server.callsPerKey.get("flow-f-call-7").get());
        assertEquals(1, server.callsPerKey.get("flow-f-call-8").get());
    }

    @Test
    void patchAndDeleteAreSent() {
        server.on("/", exchange -> TestServer.answer(exchange, 200, "application/json", "{\"ok\": true}")).start();

        var patched = client.call(request(rest("PATCH", server.base("http") + "/o/1", Map.of(), Map.of("a", "${A}"),
                Map.of("/ok", "Ok")), Map.of("rest.body.a", "b"), 1));
        var deleted = client.call(request(rest("DELETE", server.base("http") + "/o/1", Map.of(), Map.of(), Map.of()),
                Map.of(), 1));

        assertEquals("true", patched.outputs().get("/ok"), patched.toString());
        assertEquals(CallResult.SUCCESS, deleted.exit());
        assertEquals(List.of("PATCH", "DELETE"), server.received.stream().map(TestServer.Received::method).toList());
        assertEquals("{\"a\":\"b\"}", server.received.get(0).body());
    }

    static ActionDef.CallWebService rest(String method, String url, Map<String, String> headers,
                                         Map<String, String> body, Map<String, String> outputs) {
        return new ActionDef.CallWebService(null, new WebServiceRequest.Rest(method, url, headers, body), null,
                outputs, null, List.of(), Map.of(), "$.states[0].actions[0]");
    }

    private static ActionDef.CallWebService rest(String method, String url, Map<String, List<ActionDef>> exits) {
        return new ActionDef.CallWebService(null, new WebServiceRequest.Rest(method, url, Map.of(), Map.of()), null,
                Map.of(), null, List.of(), exits, "$.states[0].actions[0]");
    }

    static CallRequest request(ActionDef.CallWebService action, Map<String, Object> inputs, int attempt) {
        return new CallRequest("flow-1", 1, attempt, "key-1", action, inputs, null);
    }
}
