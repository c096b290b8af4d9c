package org.ipaserver.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A process's report over whole UTC days: its flows per day, the time its completed flows spent in
 * each state, and the variables it reports. Counts include everything up to {@code asOf}.
 */
public record ProcessReport(String process, Integer version, LocalDate from, LocalDate to, Instant asOf,
                            List<Day> days, List<StateTime> states, List<String> reportVariables) {

    /** Flows launched, completed, put in error and cancelled on one day. */
    public record Day(LocalDate day, long launched, long completed, long inError, long cancelled) {
    }

    /** The time spent in a state per visit, by completed flows: median, 90th percentile and mean. */
    public record StateTime(String state, long visits, long p50Millis, long p90Millis, long meanMillis) {
    }
}
