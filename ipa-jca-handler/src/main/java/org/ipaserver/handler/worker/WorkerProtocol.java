package org.ipaserver.handler.worker;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;

/**
 * The lines a worker and the connector exchange. Request:
 * {@code {"call":…,"idempotencyKey":…,"handler":…,"inputs":{…}}} (ids left out when the caller
 * gave none); answer: {@code {"exit":…,"outputs":{…},"message":…}}, outputs and message
 * optional. Violations are described without quoting the answer: it may hold values.
 */
final class WorkerProtocol {

    /** The answer breaks the protocol; the message says how, never what the worker wrote. */
    static final class Violation extends Exception {

        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }
    }

    private final JsonProvider json = JsonProvider.provider();

    String request(HandlerRequest request) {
        var text = new StringWriter(128);
        try (var out = json.createGenerator(text)) {
            out.writeStartObject();
            if (request.callId() != null) {
                out.write("call", request.callId());
            }
            if (request.idempotencyKey() != null) {
                out.write("idempotencyKey", request.idempotencyKey());
            }
            out.write("handler", request.handlerName());
            out.writeStartObject("inputs");
            request.inputs().forEach(out::write);
            out.writeEnd();
            out.writeEnd();
        }
        return text.toString();
    }

    HandlerResult answer(String line) throws Violation {
        JsonObject answer = null;
        boolean more = false;
        try (var parser = json.createParser(new StringReader(line))) {
            if (parser.next() == JsonParser.Event.START_OBJECT) {
                answer = parser.getObject();
                more = trailing(parser);
            }
        } catch (RuntimeException e) {
            answer = null;
        }
        if (answer == null) {
            throw new Violation("the answer is not one JSON object");
        }
        if (more) {
            throw new Violation("the answer has text after its JSON object: one JSON object per line");
        }
        var exit = answer.get("exit");
        if (!(exit instanceof JsonString name) || name.getString().isBlank()) {
            throw new Violation("the answer has no exit (a non-empty string)");
        }
        return new HandlerResult(outputs(answer.get("outputs")), name.getString(), message(answer.get("message")));
    }

    /** JSON readers stop after the first value; anything but whitespace after it breaks the protocol. */
    private static boolean trailing(JsonParser parser) {
        try {
            return parser.hasNext();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Numbers and booleans are taken as their text, for handlers that do not quote them. */
    private static Map<String, String> outputs(JsonValue value) throws Violation {
        var outputs = new LinkedHashMap<String, String>();
        if (value == null || value == JsonValue.NULL) {
            return outputs;
        }
        if (!(value instanceof JsonObject object)) {
            throw new Violation("the answer's outputs are not a JSON object");
        }
        for (var output : object.entrySet()) {
            outputs.put(output.getKey(), text(output.getValue(), "an output"));
        }
        return outputs;
    }

    private static String message(JsonValue value) throws Violation {
        return value == null || value == JsonValue.NULL ? "" : text(value, "the message");
    }

    private static String text(JsonValue value, String what) throws Violation {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value.toString();
        }
        throw new Violation(what + " is not a string");
    }
}
