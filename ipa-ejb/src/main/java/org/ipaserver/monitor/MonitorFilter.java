package org.ipaserver.monitor;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ipaserver.flow.FlowSearch;
import org.ipaserver.flow.FlowStatus;
import org.ipaserver.refusal.InvalidInput;

/**
 * What a monitor subscription watches: flows of a process (and version), in a state, with a
 * status, launched by someone, started between two instants ({@code startedFrom} inclusive,
 * {@code startedTo} exclusive). Every part is optional; the same filter counts the flows first
 * (a flow search) and then picks the events.
 */
public record MonitorFilter(String process, Integer version, String state, String status, String launchedBy,
                            Instant startedFrom, Instant startedTo) {

    private static final List<String> FIELDS = List.of("process", "version", "state", "status", "launchedBy",
            "startedFrom", "startedTo");

    /** Reads a subscription's filter; every bad field is reported at once (field and reason). */
    public static MonitorFilter from(JsonObject json) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (json == null) {
            json = JsonValue.EMPTY_JSON_OBJECT;
        }
        json.keySet().stream().filter(name -> !FIELDS.contains(name)).forEach(name -> errors.add(
                new InvalidInput.FieldError("filter." + name, "unknown field; a filter has " + String.join(", ", FIELDS))));
        Integer version = null;
        if (json.get("version") != null && json.get("version") != JsonValue.NULL) {
            if (json.get("version") instanceof JsonNumber number && number.isIntegral() && number.intValue() >= 1) {
                version = number.intValue();
            } else {
                errors.add(new InvalidInput.FieldError("filter.version", "must be a whole number, 1 or more"));
            }
        }
        var status = text(json, "status", errors);
        if (status != null && FlowStatus.byCode(status).isEmpty()) {
            errors.add(new InvalidInput.FieldError("filter.status", "unknown status '" + status + "'; use one of "
                    + String.join(", ", java.util.Arrays.stream(FlowStatus.values()).map(FlowStatus::code).toList())));
        }
        var filter = new MonitorFilter(text(json, "process", errors), version, text(json, "state", errors),
                status == null ? null : FlowStatus.byCode(status).map(FlowStatus::code).orElse(status),
                text(json, "launchedBy", errors), instant(json, "startedFrom", errors),
                instant(json, "startedTo", errors));
        if (filter.startedFrom != null && filter.startedTo != null && !filter.startedFrom.isBefore(filter.startedTo)) {
            errors.add(new InvalidInput.FieldError("filter.startedTo", "must be after 'startedFrom'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return filter;
    }

    /** The flow search of the same flows, one page of {@code size}. */
    public FlowSearch.Query query(int size) {
        return new FlowSearch.Query(process, status, state, launchedBy, startedFrom, startedTo, 0, size);
    }

    /** Whether a flow, as an event leaves it, is one this filter watches. */
    public boolean matches(String flowProcess, Integer flowVersion, String flowStatus, String flowState,
                           String flowLauncher, Instant flowStarted) {
        return (process == null || process.equals(flowProcess))
                && (version == null || version.equals(flowVersion))
                && (status == null || status.equals(flowStatus))
                && (state == null || state.equals(flowState))
                && (launchedBy == null || launchedBy.equals(flowLauncher))
                && (startedFrom == null || flowStarted != null && !flowStarted.isBefore(startedFrom))
                && (startedTo == null || flowStarted != null && flowStarted.isBefore(startedTo));
    }

    private static String text(JsonObject json, String name, List<InvalidInput.FieldError> errors) {
        var value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string && !string.getString().isBlank()) {
            return string.getString().trim();
        }
        errors.add(new InvalidInput.FieldError("filter." + name, "must be a non-empty text"));
        return null;
    }

    private static Instant instant(JsonObject json, String name, List<InvalidInput.FieldError> errors) {
        var text = text(json, name, errors);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError("filter." + name, "must be an ISO-8601 instant such as "
                    + "2026-12-01T09:00:00Z; got '" + text + "'"));
            return null;
        }
    }
}
