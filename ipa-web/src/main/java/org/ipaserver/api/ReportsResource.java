package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.report.ProcessReport;
import org.ipaserver.report.ReportService;
import org.ipaserver.report.VariableValues;
import org.ipaserver.report.WorkReport;

/**
 * Reports over whole UTC days, as JSON or, with {@code Accept: text/csv}, as CSV tables to
 * download. The period is {@code from..to} (ISO dates), by default the last 30 days.
 */
@Tag(name = "Reports", description = "Flows per day, time in states, work-item times, reported variables; JSON or CSV")
@Path("reports")
public class ReportsResource {

    static final String CSV = "text/csv";
    private static final int DEFAULT_DAYS = 30;

    @EJB
    ReportService reports;

    @GET
    @Path("processes/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportProcess", summary = "Report on a process",
            description = "Per UTC day of the period: the flows launched, completed, put in error and cancelled; per "
                    + "state: the time completed flows spent in it per visit (median, 90th percentile, mean); and the "
                    + "variables the process reports. Every version, or the one named. Counts reach asOf, which is "
                    + "now unless the reporting passes are still reading an older history. Needs the view right.")
    @APIResponse(responseCode = "200", description = "the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProcessReport")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ProcessReport process(@PathParam("name") String name,
                                 @Parameter(description = "one version only", schema = @Schema(ref = "PageNumber"))
                                 @QueryParam("version") String version,
                                 @Parameter(description = "the first day", schema = @Schema(ref = "Day"))
                                 @QueryParam("from") String from,
                                 @Parameter(description = "the last day (today by default)", schema = @Schema(ref = "Day"))
                                 @QueryParam("to") String to) {
        var query = new Query();
        var period = query.period(from, to);
        var number = version == null ? null : query.number("version", version, 1, Integer.MAX_VALUE);
        query.check();
        return reports.process(name, number, period.from(), period.to());
    }

    @GET
    @Path("processes/{name}/days")
    @Produces(CSV)
    @Operation(operationId = "reportProcessDaysCsv", summary = "A process's flows per day, as CSV",
            description = "The days of the process report as a CSV table (RFC 4180): day, launched, completed, "
                    + "inError, cancelled. Needs the view right.")
    @APIResponse(responseCode = "200", description = "the table",
            content = @Content(mediaType = CSV, schema = @Schema(ref = "ProcessDaysCsv")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response processDays(@PathParam("name") String name,
                                @Parameter(description = "one version only", schema = @Schema(ref = "PageNumber"))
                                @QueryParam("version") String version,
                                @Parameter(description = "the first day", schema = @Schema(ref = "Day"))
                                @QueryParam("from") String from,
                                @Parameter(description = "the last day (today by default)", schema = @Schema(ref = "Day"))
                                @QueryParam("to") String to) {
        var report = process(name, version, from, to);
        var table = new CsvTable("day", "launched", "completed", "inError", "cancelled");
        report.days().forEach(d -> table.row(d.day(), d.launched(), d.completed(), d.inError(), d.cancelled()));
        return table.download(name + "-days-" + report.from() + "-" + report.to() + ".csv");
    }

    @GET
    @Path("processes/{name}/states")
    @Produces(CSV)
    @Operation(operationId = "reportProcessStatesCsv", summary = "A process's time in states, as CSV",
            description = "The states of the process report as a CSV table (RFC 4180): state, visits, p50Millis, "
                    + "p90Millis, meanMillis. Needs the view right.")
    @APIResponse(responseCode = "200", description = "the table",
            content = @Content(mediaType = CSV, schema = @Schema(ref = "ProcessStatesCsv")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response processStates(@PathParam("name") String name,
                                  @Parameter(description = "one version only", schema = @Schema(ref = "PageNumber"))
                                  @QueryParam("version") String version,
                                  @Parameter(description = "the first day", schema = @Schema(ref = "Day"))
                                  @QueryParam("from") String from,
                                  @Parameter(description = "the last day (today by default)", schema = @Schema(ref = "Day"))
                                  @QueryParam("to") String to) {
        var report = process(name, version, from, to);
        var table = new CsvTable("state", "visits", "p50Millis", "p90Millis", "meanMillis");
        report.states().forEach(s -> table.row(s.state(), s.visits(), s.p50Millis(), s.p90Millis(), s.meanMillis()));
        return table.download(name + "-states-" + report.from() + "-" + report.to() + ".csv");
    }

    @GET
    @Path("processes/{name}/variables/{variable}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportVariableValues", summary = "The values of a reported variable",
            description = "A page of the values a variable flagged report took in the period, newest first, and the "
                    + "ten values most often taken. A variable under a security specification is never reported "
                    + "(400). Needs the view right.")
    @APIResponse(responseCode = "200", description = "a page of values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VariableValues")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public VariableValues values(@PathParam("name") String name, @PathParam("variable") String variable,
                                 @Parameter(description = "the first day", schema = @Schema(ref = "Day"))
                                 @QueryParam("from") String from,
                                 @Parameter(description = "the last day (today by default)", schema = @Schema(ref = "Day"))
                                 @QueryParam("to") String to,
                                 @Parameter(description = "the page, counted from 0", schema = @Schema(ref = "PageNumber"))
                                 @QueryParam("page") @DefaultValue("0") String page,
                                 @Parameter(description = "values per page", schema = @Schema(ref = "ReportPageSize"))
                                 @QueryParam("size") @DefaultValue("100") String size) {
        var query = new Query();
        var period = query.period(from, to);
        int pageNumber = query.number("page", page, 0, Integer.MAX_VALUE);
        int pageSize = query.number("size", size, 1, org.ipaserver.report.Reports.MAX_PAGE);
        query.check();
        return reports.values(name, variable, period.from(), period.to(), pageNumber, pageSize);
    }

    @GET
    @Path("processes/{name}/variables/{variable}")
    @Produces(CSV)
    @Operation(operationId = "reportVariableValuesCsv", summary = "The values of a reported variable, as CSV",
            description = "A page of the values as a CSV table (RFC 4180): flowId, value, recordedAt. A value that a "
                    + "spreadsheet would run as a formula (starting with =, +, - or @) is prefixed with an "
                    + "apostrophe. Needs the view right.")
    @APIResponse(responseCode = "200", description = "the table",
            content = @Content(mediaType = CSV, schema = @Schema(ref = "VariableValuesCsv")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response valuesCsv(@PathParam("name") String name, @PathParam("variable") String variable,
                              @Parameter(description = "the first day", schema = @Schema(ref = "Day"))
                              @QueryParam("from") String from,
                              @Parameter(description = "the last day (today by default)", schema = @Schema(ref = "Day"))
                              @QueryParam("to") String to,
                              @Parameter(description = "the page, counted from 0", schema = @Schema(ref = "PageNumber"))
                              @QueryParam("page") @DefaultValue("0") String page,
                              @Parameter(description = "values per page", schema = @Schema(ref = "ReportPageSize"))
                              @QueryParam("size") @DefaultValue("1000") String size) {
        var values = values(name, variable, from, to, page, size);
        var table = new CsvTable("flowId", "value", "recordedAt");
        values.values().forEach(v -> table.row(v.flowId(), v.value(), v.recordedAt()));
        return table.download(name + "-" + variable + ".csv");
    }

    @GET
    @Path("workgroups")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportWorkgroups", summary = "Report on work items per workgroup",
            description = "Per workgroup, the work items completed in the period: how long they waited (sent to first "
                    + "picked up) and were handled (picked up to completed), median and 90th percentile. Items sent to "
                    + "a user are under the workgroup \"\". For ipa-admin or the Process Monitor licence.")
    @APIResponse(responseCode = "200", description = "the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkReport")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkReport work(@Parameter(description = "the first day", schema = @Schema(ref = "Day"))
                           @QueryParam("from") String from,
                           @Parameter(description = "the last day (today by default)", schema = @Schema(ref = "Day"))
                           @QueryParam("to") String to) {
        var query = new Query();
        var period = query.period(from, to);
        query.check();
        return reports.work(period.from(), period.to());
    }

    @GET
    @Path("workgroups")
    @Produces(CSV)
    @Operation(operationId = "reportWorkgroupsCsv", summary = "Report on work items per workgroup, as CSV",
            description = "The workgroups' report as a CSV table (RFC 4180): workgroup, items, waitingP50Millis, "
                    + "waitingP90Millis, handlingP50Millis, handlingP90Millis. For ipa-admin or the Process Monitor "
                    + "licence.")
    @APIResponse(responseCode = "200", description = "the table",
            content = @Content(mediaType = CSV, schema = @Schema(ref = "WorkgroupsCsv")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response workCsv(@Parameter(description = "the first day", schema = @Schema(ref = "Day"))
                            @QueryParam("from") String from,
                            @Parameter(description = "the last day (today by default)", schema = @Schema(ref = "Day"))
                            @QueryParam("to") String to) {
        var report = work(from, to);
        var table = new CsvTable("workgroup", "items", "waitingP50Millis", "waitingP90Millis", "handlingP50Millis",
                "handlingP90Millis");
        report.workgroups().forEach(w -> table.row(w.workgroup(), w.items(), w.waitingP50Millis(), w.waitingP90Millis(),
                w.handlingP50Millis(), w.handlingP90Millis()));
        return table.download("workgroups-" + report.from() + "-" + report.to() + ".csv");
    }

    /** The query parameters, every bad one named in one 400. */
    private static final class Query {

        record Period(LocalDate from, LocalDate to) {
        }

        private final List<FieldError> errors = new ArrayList<>();

        Period period(String from, String to) {
            var last = day("to", to, LocalDate.now(ZoneOffset.UTC));
            var first = day("from", from, last.minusDays(DEFAULT_DAYS - 1));
            return new Period(first, last);
        }

        private LocalDate day(String name, String value, LocalDate otherwise) {
            if (value == null || value.isBlank()) {
                return otherwise;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(name, "must be an ISO date such as 2026-01-31"));
                return otherwise;
            }
        }

        int number(String name, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // told below
            }
            errors.add(new FieldError(name, max == Integer.MAX_VALUE ? "must be a whole number, " + min + " or more"
                    : "must be a whole number from " + min + " to " + max));
            return min;
        }

        void check() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
