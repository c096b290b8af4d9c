package org.ipaserver.integration.webservice;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ipaserver.action.CallResult;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.WebServiceRequest;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.store.JsonFactory;

/**
 * One REST/JSON call: the URL from its literal parts and URL-encoded values, the body a JSON
 * object of typed values, the answer's members picked by JSON Pointer. Messages name the host
 * (literal in the definition) and statuses, never a value.
 */
final class RestCall {

    private final Transport transport;

    RestCall(Transport transport) {
        this.transport = transport;
    }

    CallResult call(CallRequest request, ActionDef.CallWebService action, Duration timeout) {
        var rest = action.rest();
        URI uri;
        try {
            uri = new URI(url(rest, request.inputs()));
        } catch (URISyntaxException e) {
            return CallResult.failure("the URL built from the action's url is not valid");
        }
        var host = uri.getHost();
        var deadline = System.nanoTime() + timeout.toNanos();
        var client = transport.open(timeout);
        try {
            var builder = client.target(uri).request(MediaType.APPLICATION_JSON_TYPE)
                    .header("Idempotency-Key", request.idempotencyKey());
            for (var name : rest.headers().keySet()) {
                var value = TypedValues.asText(request.inputs().get("rest.headers." + name));
                if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                    return CallResult.failure("the value of header '" + name + "' holds a line break");
                }
                builder.header(name, value);
            }
            try (var response = rest.body().isEmpty() && !needsBody(rest.method()) ? builder.method(rest.method())
                    : builder.method(rest.method(), Entity.entity(body(rest, request.inputs()),
                    MediaType.APPLICATION_JSON_TYPE))) {
                return answer(response, action, host, deadline);
            }
        } catch (ProcessingException | IOException e) {
            return Transport.failed(e, host, timeout);
        } finally {
            client.close();
        }
    }

    private CallResult answer(Response response, ActionDef.CallWebService action, String host, long deadline)
            throws IOException {
        var status = response.getStatus();
        var reason = response.getStatusInfo().getReasonPhrase();
        var outputs = new LinkedHashMap<String, String>();
        outputs.put("status", String.valueOf(status));
        if (reason != null) {
            outputs.put("message", reason);
        }
        var said = host + " answered " + status + (reason == null ? "" : " " + reason);
        if (status < 200 || status > 299) {
            return new CallResult(StatusExits.exit(status, action.exits().keySet()), outputs, said);
        }
        var pointers = action.outputs().keySet().stream().filter(o -> o.startsWith("/")).toList();
        if (pointers.isEmpty()) {
            return new CallResult(CallResult.SUCCESS, outputs, null);
        }
        JsonStructure json;
        try {
            var bytes = transport.body(response, host, deadline);
            var value = JsonFactory.readValue(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            if (!(value instanceof JsonStructure structure)) {
                return CallResult.failure("the answer of " + host + " is not a JSON object or array");
            }
            json = structure;
        } catch (Transport.AnswerTooLarge e) {
            return CallResult.failure(e.getMessage());
        } catch (JsonException e) {
            return CallResult.failure("the answer of " + host + " is not valid JSON");
        }
        for (var pointer : pointers) {
            JsonValue value;
            try {
                value = JsonFactory.JSON.createPointer(pointer).getValue(json);
            } catch (JsonException e) {
                return CallResult.failure("the answer of " + host + " has no " + pointer);
            }
            if (value != JsonValue.NULL) {
                outputs.put(pointer, value instanceof JsonString s ? s.getString()
                        : value instanceof JsonNumber n ? n.bigDecimalValue().toPlainString() : value.toString());
            }
        }
        return new CallResult(CallResult.SUCCESS, outputs, null);
    }

    /** Literal parts as written, each value URL-encoded: a value cannot add a path segment or a query. */
    static String url(WebServiceRequest.Rest rest, Map<String, Object> inputs) {
        var url = new StringBuilder();
        var segments = rest.urlSegments();
        for (int i = 0; i < segments.size(); i++) {
            var segment = segments.get(i);
            if (!segment.expression()) {
                url.append(segment.text());
                continue;
            }
            var value = TypedValues.asText(inputs.get("rest.url[" + i + "]"));
            url.append(value.equals(".") || value.equals("..") ? value.replace(".", "%2E")
                    : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }

    private static String body(WebServiceRequest.Rest rest, Map<String, Object> inputs) {
        var body = JsonFactory.JSON.createObjectBuilder();
        rest.body().keySet().forEach(member -> body.add(member, TypedValues.toJson(inputs.get("rest.body." + member))));
        return body.build().toString();
    }

    private static boolean needsBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

}
