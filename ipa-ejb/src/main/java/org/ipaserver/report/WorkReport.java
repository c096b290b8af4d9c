package org.ipaserver.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Work items completed per workgroup over whole UTC days: how long they waited (from sent to first
 * picked up) and how long they were handled (from then to completed). Items sent to a user rather
 * than a workgroup are under the workgroup {@code ""}.
 */
public record WorkReport(LocalDate from, LocalDate to, Instant asOf, List<Workgroup> workgroups) {

    public record Workgroup(String workgroup, long items, long waitingP50Millis, long waitingP90Millis,
                            long handlingP50Millis, long handlingP90Millis) {
    }
}
