package org.ipaserver.handler.worker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.ipaserver.handler.HandlerRequest;
import org.junit.jupiter.api.Test;

class WorkerProtocolTest {

    private final WorkerProtocol protocol = new WorkerProtocol();

    @Test
    void theRequestIsOneLineOfJson() {
        var line = protocol.request(new HandlerRequest("score", Map.of("Note", "two\nlines \"quoted\""),
                Duration.ZERO, "c-1", "k-1"));

        assertFalse(line.contains("\n"), line);
        var json = Json.createReader(new StringReader(line)).readObject();
        assertEquals("c-1", json.getString("call"));
        assertEquals("k-1", json.getString("idempotencyKey"));
        assertEquals("score", json.getString("handler"));
        assertEquals("two\nlines \"quoted\"", json.getJsonObject("inputs").getString("Note"));
    }

    @Test
    void idsTheCallerDidNotGiveAreLeftOut() {
        var line = protocol.request(HandlerRequest.of("score", Map.of(), Duration.ZERO));

        assertEquals("{\"handler\":\"score\",\"inputs\":{}}", line);
    }

    @Test
    void readsExitOutputsAndMessage() throws Exception {
        var result = protocol.answer("{\"exit\":\"declined\",\"outputs\":{\"Score\":\"12\"},\"message\":\"too low\"}");

        assertEquals("declined", result.exitPath());
        assertEquals(Map.of("Score", "12"), result.outputs());
        assertEquals("too low", result.message());
    }

    @Test
    void outputsAndMessageAreOptional() throws Exception {
        var result = protocol.answer("{\"exit\":\"success\"}");

        assertEquals(Map.of(), result.outputs());
        assertEquals("", result.message());
    }

    @Test
    void unquotedNumbersAndBooleansAreTakenAsText() throws Exception {
        var result = protocol.answer("{\"exit\":\"success\",\"outputs\":{\"Score\":712,\"Ok\":true}}");

        assertEquals(Map.of("Score", "712", "Ok", "true"), result.outputs());
    }

    @Test
    void violationsNeverQuoteTheAnswer() {
        for (var answer : new String[] {"secret-4711", "{\"exit\":\"success\",\"outputs\":{\"x\":\"secret-4711\"",
                "[\"secret-4711\"]", "{\"outputs\":{\"x\":\"secret-4711\"}}", "{\"exit\":\"\"}", "{\"exit\":7}",
                "{\"exit\":\"success\",\"outputs\":[\"secret-4711\"]}",
                "{\"exit\":\"success\",\"outputs\":{\"secret-4711\":{\"a\":1}}}",
                "{\"exit\":\"success\",\"message\":{\"secret-4711\":1}}"}) {
            var e = assertThrows(WorkerProtocol.Violation.class, () -> protocol.answer(answer), answer);
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void textAfterTheAnswerObjectBreaksTheProtocol() {
        for (var answer : new String[] {"{\"exit\":\"success\"} secret-4711", "{\"exit\":\"success\"}{\"exit\":\"x\"}"}) {
            var e = assertThrows(WorkerProtocol.Violation.class, () -> protocol.answer(answer), answer);
            assertEquals("the answer has text after its JSON object: one JSON object per line", e.getMessage());
        }
        assertEquals("success", assertDoesNotThrow(() -> protocol.answer("{\"exit\":\"success\"}  ")).exitPath());
    }

    @Test
    void aMissingExitIsNamed() {
        var e = assertThrows(WorkerProtocol.Violation.class, () -> protocol.answer("{\"outputs\":{}}"));

        assertTrue(e.getMessage().contains("no exit"), e.getMessage());
    }
}
