package org.ipaserver.flow;

import static org.ipaserver.store.JsonFactory.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.store.JsonFactory;

/**
 * The compact JSON form of a {@link FlowState}, stored in {@code flowexec_Storage} (in the flow's row
 * once it has ended). Values are read back through the declared types of the definition version
 * the flow runs.
 */
public final class StateDocument {

    /** 2: history entries are [time, block, index]. */
    private static final int FORMAT = 2;

    private StateDocument() {
    }

    /** Streamed as it is written: no tree of JSON values is built first (it is on every wait point's path). */
    public static String write(FlowState state) {
        var text = new StringWriter(512);
        try (var json = JSON.createGenerator(text)) {
            json.writeStartObject().write("v", FORMAT);
            values(json.writeStartObject("g"), state.globals).writeEnd();
            json.writeStartArray("f");
            for (var frame : state.frames) {
                json.writeStartObject().write("k", frame.scope.kind()).write("n", frame.scope.name());
                values(json.writeStartObject("l"), frame.locals).writeEnd();
                json.writeStartArray("c");
                frame.cursors.forEach(c -> json.writeStartArray().write(c.block).write(c.index).write(c.iteration)
                        .writeEnd());
                json.writeEnd().writeEnd();
            }
            json.writeEnd().writeStartArray("h");
            for (var step : state.history) {
                json.writeStartArray().write(step.atMillis()).write(step.block()).write(step.index()).writeEnd();
            }
            json.writeEnd().write("hd", state.historyDropped);
            if (state.wakeAt != null) {
                json.write("w", state.wakeAt.toEpochMilli());
            }
            if (state.waitingOn != null) {
                json.write("wo", state.waitingOn);
            }
            if (state.stateName != null) {
                json.write("s", state.stateName);
            }
            if (state.workItemId != null) {
                json.write("wi", state.workItemId);
            }
            if (state.call != null) {
                json.writeStartArray("pc").write(state.call.number()).write(state.call.attempt()).writeEnd();
            }
            if (state.calls > 0) {
                json.write("cn", state.calls);
            }
            if (!state.reported.isEmpty()) {
                json.writeStartObject("r");
                state.reported.forEach(json::write);
                json.writeEnd();
            }
            json.writeEnd();
        }
        return text.toString();
    }

    public static FlowState read(String text, CompiledProcess process) {
        var document = JsonFactory.readObject(text);
        var state = new FlowState(values(document.getJsonObject("g"), process.globals()));
        for (var f : document.getJsonArray("f").getValuesAs(JsonObject.class)) {
            var scope = process.scope(f.getString("k"), f.getString("n"));
            var frame = new FlowState.Frame(scope, new HashMap<>(values(f.getJsonObject("l"), process.locals(scope))));
            for (var c : f.getJsonArray("c").getValuesAs(JsonArray.class)) {
                frame.cursors.add(new FlowState.Cursor(c.getInt(0), c.getInt(1), c.getInt(2)));
            }
            state.frames.add(frame);
        }
        var history = document.getJsonArray("h").getValuesAs(JsonArray.class);
        state.historyDropped = document.getJsonNumber("hd").longValue();
        if (document.getInt("v") < 2) {
            state.historyDropped += history.size(); // format 1 named steps by path: not kept, counted
        } else {
            for (var h : history) {
                state.history.add(new FlowState.StepRef(h.getJsonNumber(0).longValue(), h.getInt(1), h.getInt(2)));
            }
        }
        if (document.get("w") instanceof JsonNumber wake) {
            state.wakeAt = Instant.ofEpochMilli(wake.longValue());
        }
        state.waitingOn = document.getString("wo", null);
        state.stateName = document.getString("s", null);
        state.workItemId = document.getString("wi", null);
        if (document.get("pc") instanceof JsonArray call) {
            state.call = new FlowState.PendingCall(call.getInt(0), call.getInt(1));
        }
        state.calls = document.getInt("cn", 0);
        if (document.get("r") instanceof JsonObject reported) {
            reported.forEach((name, value) -> state.reported.put(name, ((jakarta.json.JsonString) value).getString()));
        }
        return state;
    }

    private static JsonGenerator values(JsonGenerator json, Map<String, Object> values) {
        values.forEach((name, value) -> {
            if (value instanceof Long number) {
                json.write(name, number);
            } else if (value instanceof String string) {
                json.write(name, string);
            } else if (value != null) {
                json.write(name, TypedValues.toJson(value));
            }
        });
        return json;
    }

    private static Map<String, Object> values(JsonObject object, Map<String, VariableDef> declared) {
        var values = new LinkedHashMap<String, Object>();
        declared.keySet().forEach(name -> values.put(name, null));
        object.forEach((name, json) -> {
            var variable = declared.get(name);
            if (variable != null) {
                values.put(name, TypedValues.fromStoredJson(json, variable.type()));
            }
        });
        return values;
    }
}
