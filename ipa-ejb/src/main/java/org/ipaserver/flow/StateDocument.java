package org.ipaserver.flow;

import static org.ipaserver.store.JsonFactory.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.store.JsonFactory;

/**
 * The compact JSON form of a {@link FlowState}, stored in {@code flowexec_Storage}. Values are
 * read back through the declared types of the definition version the flow runs.
 */
public final class StateDocument {

    /** 2: history entries are [time, block, index]. */
    private static final int FORMAT = 2;

    private StateDocument() {
    }

    public static String write(FlowState state) {
        var frames = JSON.createArrayBuilder();
        for (var frame : state.frames) {
            var cursors = JSON.createArrayBuilder();
            frame.cursors.forEach(c -> cursors.add(JSON.createArrayBuilder().add(c.block).add(c.index).add(c.iteration)));
            frames.add(JSON.createObjectBuilder()
                    .add("k", frame.scope.kind())
                    .add("n", frame.scope.name())
                    .add("l", values(frame.locals))
                    .add("c", cursors));
        }
        var history = JSON.createArrayBuilder();
        for (var step : state.history) {
            history.add(JSON.createArrayBuilder().add(step.atMillis()).add(step.block()).add(step.index()));
        }
        var document = JSON.createObjectBuilder()
                .add("v", FORMAT)
                .add("g", values(state.globals))
                .add("f", frames)
                .add("h", history)
                .add("hd", state.historyDropped);
        if (state.wakeAt != null) {
            document.add("w", state.wakeAt.toEpochMilli());
        }
        if (state.waitingOn != null) {
            document.add("wo", state.waitingOn);
        }
        if (state.stateName != null) {
            document.add("s", state.stateName);
        }
        if (state.workItemId != null) {
            document.add("wi", state.workItemId);
        }
        if (state.call != null) {
            document.add("pc", JSON.createArrayBuilder().add(state.call.number()).add(state.call.attempt()));
        }
        if (state.calls > 0) {
            document.add("cn", state.calls);
        }
        if (!state.reported.isEmpty()) {
            var reported = JSON.createObjectBuilder();
            state.reported.forEach(reported::add);
            document.add("r", reported);
        }
        return document.build().toString();
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

    private static JsonObject values(Map<String, Object> values) {
        var object = JSON.createObjectBuilder();
        values.forEach((name, value) -> {
            if (value != null) {
                object.add(name, TypedValues.toJson(value));
            }
        });
        return object.build();
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
