package org.ipaserver.report;

import java.time.Instant;
import java.util.List;

/**
 * The values a reported variable took, newest first, a page at a time, and the values most often
 * taken in the period. Variables under a security specification are never reported.
 */
public record VariableValues(String process, String variable, int page, int size, boolean more,
                             List<Value> values, List<Count> mostFrequent) {

    public record Value(String flowId, String value, Instant recordedAt) {
    }

    public record Count(String value, long times) {
    }
}
