package org.ipaserver.report;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.flow.VariableReport;
import org.ipaserver.refusal.InvalidInput;

/**
 * Reports on flows and work items: the daily rollups, plus what happened since the last pass read
 * from the flows themselves, so that a report is current to the second. A pass rolls up what is
 * older than {@code lag} (transactions still committing are not missed); when the passes are far
 * behind (the first one after an upgrade reads the whole history) a report says how far it reaches.
 */
public final class Reports {

    /** The longest period a report covers. */
    public static final int MAX_DAYS = 366;
    /** The most values a page of a variable's values holds. */
    public static final int MAX_PAGE = 1000;
    /**
     * When more flows than this started since the last pass, the passes are catching up on a history
     * (the first one after the upgrade that brought reports reads it all): until they are done a
     * report does not read it all again each time, and says how far it reaches.
     */
    static final int TAIL_LIMIT = 20_000;

    private final DefinitionCatalog catalog;
    private final Clock clock;
    private final Duration lag;

    public Reports(DefinitionCatalog catalog, Clock clock, Duration lag) {
        this.catalog = catalog;
        this.clock = clock;
        this.lag = lag;
    }

    /** One pass: rolls up what happened from the cursor to now minus the lag; false when there was nothing to do. */
    public boolean rollUp(EntityManager em) {
        var from = RollupStore.reached(em);
        var to = clock.instant().minus(lag);
        if (!to.isAfter(from) || !RollupStore.claim(em, from, to)) {
            return false;
        }
        RollupStore.write(em, Rollup.read(em, catalog, from, to));
        return true;
    }

    public ProcessReport process(EntityManager em, String process, Integer version, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        var definition = catalog.find(em, process, version)
                .orElseThrow(() -> new FlowExceptions.UnknownDefinition(process, version));
        var rollup = RollupStore.read(em, process, version, from, to);
        var asOf = addTail(em, rollup, from, to);
        var days = new TreeMap<LocalDate, Rollup.Counts>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new Rollup.Counts());
        }
        var states = new TreeMap<String, Rollup.Times>();
        rollup.days.forEach((key, counts) -> {
            if (matches(key.process(), key.version(), key.day(), process, version, from, to)) {
                days.get(key.day()).add(counts);
            }
        });
        rollup.states.forEach((key, times) -> {
            if (matches(key.process(), key.version(), key.day(), process, version, from, to)) {
                states.computeIfAbsent(key.state(), k -> new Rollup.Times()).add(times);
            }
        });
        var dayList = days.entrySet().stream().map(e -> new ProcessReport.Day(e.getKey(), e.getValue().launched,
                e.getValue().completed, e.getValue().failed, e.getValue().cancelled)).toList();
        var stateList = states.entrySet().stream().map(e -> new ProcessReport.StateTime(e.getKey(), e.getValue().visits,
                e.getValue().histogram.percentile(0.5), e.getValue().histogram.percentile(0.9),
                e.getValue().totalMillis / Math.max(1, e.getValue().visits))).toList();
        var variables = definition.definition().variables().stream()
                .filter(v -> v.report() && v.securitySpecification() == null).map(VariableDef::name).toList();
        return new ProcessReport(process, version, from, to, asOf, dayList, stateList, variables);
    }

    public WorkReport work(EntityManager em, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        var rollup = RollupStore.readWork(em, from, to);
        var asOf = addTail(em, rollup, from, to);
        var groups = new TreeMap<String, Rollup.WorkTimes>();
        rollup.work.forEach((key, times) -> {
            if (!key.day().isBefore(from) && !key.day().isAfter(to)) {
                groups.computeIfAbsent(key.workgroup(), k -> new Rollup.WorkTimes()).add(times);
            }
        });
        return new WorkReport(from, to, asOf, groups.entrySet().stream().map(e -> new WorkReport.Workgroup(e.getKey(),
                e.getValue().items, e.getValue().waiting.percentile(0.5), e.getValue().waiting.percentile(0.9),
                e.getValue().handling.percentile(0.5), e.getValue().handling.percentile(0.9))).toList());
    }

    /**
     * The values {@code variable} of {@code process} took on the days {@code from..to}, newest first.
     * Only a variable its latest version reports, without a security specification, is answered.
     */
    public VariableValues values(EntityManager em, String process, String variable, LocalDate from, LocalDate to,
                                 int page, int size) {
        checkPeriod(from, to);
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (page < 0) {
            errors.add(new InvalidInput.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE) {
            errors.add(new InvalidInput.FieldError("size", "must be between 1 and " + MAX_PAGE));
        }
        var definition = catalog.find(em, process, null)
                .orElseThrow(() -> new FlowExceptions.UnknownDefinition(process, null));
        var declared = definition.definition().variables().stream().filter(v -> v.name().equals(variable)).findFirst();
        if (declared.isEmpty() || !declared.get().report()) {
            errors.add(new InvalidInput.FieldError("variable", "process '" + process + "' reports no variable named '"
                    + variable + "'"));
        } else if (declared.get().securitySpecification() != null) {
            errors.add(new InvalidInput.FieldError("variable", "variable '" + variable + "' is restricted by a security "
                    + "specification: its values are never reported"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var start = from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        var end = to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        var where = " FROM VariableReport v WHERE v.definitionName = :process AND v.variableName = :variable "
                + "AND v.recordedAt >= :start AND v.recordedAt < :end";
        var rows = em.createQuery("SELECT v" + where + " ORDER BY v.recordedAt DESC, v.id", VariableReport.class)
                .setParameter("process", process).setParameter("variable", variable).setParameter("start", start)
                .setParameter("end", end).setFirstResult(page * size).setMaxResults(size + 1).getResultList();
        var values = rows.stream().limit(size)
                .map(r -> new VariableValues.Value(r.flowId(), r.value(), r.recordedAt())).toList();
        var counts = new HashMap<String, Long>();
        for (var row : em.createQuery("SELECT v.value, COUNT(v)" + where + " GROUP BY v.value", Object[].class)
                .setParameter("process", process).setParameter("variable", variable).setParameter("start", start)
                .setParameter("end", end).getResultList()) {
            counts.put(row[0] == null ? "" : (String) row[0], (Long) row[1]);
        }
        var frequent = counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(10).map(e -> new VariableValues.Count(e.getKey(), e.getValue())).toList();
        return new VariableValues(process, variable, page, size, rows.size() > size, values, frequent);
    }

    /** Adds what the passes have not rolled up yet, unless they are far behind; answers how far the report reaches. */
    private Instant addTail(EntityManager em, Rollup rollup, LocalDate from, LocalDate to) {
        var reached = RollupStore.reached(em);
        var now = clock.instant();
        if (Rollup.day(reached).isAfter(to)) {
            return now; // the days asked for are rolled up in full
        }
        if (em.createQuery("SELECT f.id FROM FlowRecord f WHERE f.startedAt > :reached", String.class)
                .setParameter("reached", reached).setMaxResults(TAIL_LIMIT + 1).getResultList().size() > TAIL_LIMIT) {
            return reached;
        }
        rollup.add(Rollup.read(em, catalog, reached, now));
        return now;
    }

    private static boolean matches(String process, int version, LocalDate day, String wantedProcess,
                                   Integer wantedVersion, LocalDate from, LocalDate to) {
        return process.equals(wantedProcess) && (wantedVersion == null || wantedVersion == version)
                && !day.isBefore(from) && !day.isAfter(to);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("from", "is after 'to' (" + to + ")")));
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("to", "a report covers at most " + MAX_DAYS
                    + " days")));
        }
    }
}
