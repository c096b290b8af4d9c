package org.ipaserver.monitor;

import java.time.Instant;

/** A row of the journal (ipa_MonitorEvents): its number, its flow and the event as JSON text. */
public record StoredEvent(long seq, String flowId, String process, Integer version, String kind, Instant at,
                          String payload) {

    /** The row that marks where recording began again after nobody watched; no subscriber gets it. */
    public static final String RECORDING = "recording";
}
