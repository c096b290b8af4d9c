package org.ipaserver.monitor;

import static org.ipaserver.store.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.flow.FlowEvent;
import org.ipaserver.refusal.InvalidInput;

/** The monitor's messages as JSON text: what the journal keeps of an event, and every frame a subscriber gets. */
public final class MonitorMessages {

    private MonitorMessages() {
    }

    /** What the journal keeps of an event besides its columns. */
    public static String payload(FlowEvent event) {
        var payload = JSON.createObjectBuilder();
        put(payload, "status", event.status());
        put(payload, "state", event.state());
        put(payload, "launchedBy", event.launchedBy());
        put(payload, "startedAt", event.startedAt());
        payload.add("data", object(event.data()));
        payload.add("variables", object(event.variables()));
        return payload.build().toString();
    }

    public static JsonObject parse(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** An event for a viewer: the variables in {@code hidden} left out and named under {@code restricted}. */
    public static String event(StoredEvent event, JsonObject payload, Set<String> hidden) {
        var frame = JSON.createObjectBuilder().add("type", "event").add("seq", event.seq())
                .add("flowId", event.flowId());
        put(frame, "process", event.process());
        if (event.version() != null) {
            frame.add("version", event.version());
        }
        frame.add("kind", event.kind());
        put(frame, "at", event.at());
        for (var name : List.of("status", "state", "launchedBy", "startedAt")) {
            if (payload.containsKey(name)) {
                frame.add(name, payload.get(name));
            }
        }
        frame.add("data", payload.getOrDefault("data", JsonValue.EMPTY_JSON_OBJECT));
        var variables = JSON.createObjectBuilder();
        var restricted = new TreeSet<String>();
        payload.getJsonObject("variables").forEach((name, value) -> {
            if (hidden.contains(name)) {
                restricted.add(name);
            } else {
                variables.add(name, value);
            }
        });
        frame.add("variables", variables);
        frame.add("restricted", JSON.createArrayBuilder(List.copyOf(restricted)));
        return frame.build().toString();
    }

    /** The subscription holds: {@code count} flows matched; events after {@code last} follow. */
    public static String subscribed(int count, int maximum, long last) {
        return JSON.createObjectBuilder().add("type", "subscribed").add("count", count).add("maximum", maximum)
                .add("last", last).build().toString();
    }

    public static String refused(long count, boolean exact, int maximum) {
        return JSON.createObjectBuilder().add("type", "refused").add("count", count).add("countExact", exact)
                .add("maximum", maximum).add("detail", "the filter matches " + (exact ? "" : "at least ") + count
                        + " flows, more than PAS Maximum Monitored Flows (" + maximum + "): narrow it").build()
                .toString();
    }

    public static String invalid(List<InvalidInput.FieldError> errors) {
        var list = JSON.createArrayBuilder();
        errors.forEach(e -> list.add(JSON.createObjectBuilder().add("field", e.field()).add("reason", e.reason())));
        return JSON.createObjectBuilder().add("type", "invalid").add("errors", list).build().toString();
    }

    /** Events after {@code after} and up to {@code completeAfter} may be missing: purged, or not recorded. */
    public static String gap(long after, long completeAfter) {
        return JSON.createObjectBuilder().add("type", "gap").add("after", after).add("completeAfter", completeAfter)
                .add("detail", "events after " + after + " are no longer kept (the monitor keeps 15 minutes, and "
                        + "records only while someone watches): reload the flows to see where they stand").build()
                .toString();
    }

    /** Sent every 20 s: the last number handed on, so that a quiet subscription still knows where it is. */
    public static String heartbeat(long last) {
        return JSON.createObjectBuilder().add("type", "heartbeat").add("last", last).build().toString();
    }

    /** A sign of life on a connection that watches work items. */
    public static String heartbeat() {
        return JSON.createObjectBuilder().add("type", "heartbeat").build().toString();
    }

    /** My Work Items is watched: the client reads its lists now, and again at each {@link #workItemsChanged}. */
    public static String watchingWorkItems() {
        return JSON.createObjectBuilder().add("type", "watchingWorkItems").build().toString();
    }

    /** Something in the user's lists changed; what, the client reads over REST with its own rights. */
    public static String workItemsChanged() {
        return JSON.createObjectBuilder().add("type", "workItemsChanged").build().toString();
    }

    public static String error(String detail) {
        return JSON.createObjectBuilder().add("type", "error").add("detail", detail).build().toString();
    }

    static Instant instant(JsonObject json, String name) {
        var text = json.getString(name, null);
        return text == null ? null : Instant.parse(text);
    }

    private static JsonObject object(Map<String, Object> values) {
        var object = JSON.createObjectBuilder();
        values.forEach((name, value) -> object.add(name, value(value)));
        return object.build();
    }

    private static JsonValue value(Object value) {
        if (value instanceof Integer i) {
            return JSON.createValue(i);
        }
        if (value instanceof BigInteger i) {
            return JSON.createValue(i);
        }
        if (value instanceof Double d) {
            return JSON.createValue(BigDecimal.valueOf(d));
        }
        return TypedValues.toJson(value);
    }

    private static void put(JsonObjectBuilder object, String name, Object value) {
        if (value != null) {
            object.add(name, value.toString());
        }
    }
}
