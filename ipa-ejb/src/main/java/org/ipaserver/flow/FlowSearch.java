package org.ipaserver.flow;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.ipaserver.refusal.InvalidInput;

/** Flow search by definition, status, state, launcher and start time, newest first, paged. */
public final class FlowSearch {

    public static final int MAX_PAGE_SIZE = 500;
    /**
     * Matches counted at most: counting every match of a broad filter on a million flows takes
     * hundreds of milliseconds, counting this many takes a few (the rows come from an index).
     */
    public static final int COUNT_LIMIT = 10_000;

    private FlowSearch() {
    }

    /** Every filter is optional; {@code from} is inclusive, {@code to} exclusive; pages count from 0. */
    public record Query(String definition, String status, String state, String launchedBy, Instant from,
                        Instant to, int page, int size) {

        /** Checks the query; every bad field is reported at once. */
        public Query {
            var errors = new ArrayList<InvalidInput.FieldError>();
            if (status != null && FlowStatus.byCode(status).isEmpty()) {
                errors.add(new InvalidInput.FieldError("status", "unknown status '" + status + "'; use one of "
                        + String.join(", ", java.util.Arrays.stream(FlowStatus.values()).map(FlowStatus::code)
                        .toList())));
            }
            if (page < 0) {
                errors.add(new InvalidInput.FieldError("page", "must be 0 or more"));
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                errors.add(new InvalidInput.FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
            }
            if (from != null && to != null && !from.isBefore(to)) {
                errors.add(new InvalidInput.FieldError("to", "must be after 'from'"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }

    /** What a caller without the View right on every process may find: their own flows and those of these processes. */
    public record Visible(String launcher, java.util.Set<String> processes) {
    }

    /** {@code total} is exact when {@code totalExact}; otherwise there are at least that many matches. */
    public record Page(List<FlowSummary> items, int page, int size, long total, boolean totalExact) {
    }

    public static Page run(EntityManager em, Query query) {
        return run(em, query, null);
    }

    /** With {@code visible} null every flow may be found. */
    public static Page run(EntityManager em, Query query, Visible visible) {
        return run(em, query, null, visible);
    }

    /** Also of one version of the process only, unless {@code version} is null. */
    public static Page run(EntityManager em, Query query, Integer version, Visible visible) {
        var parameters = new LinkedHashMap<String, Object>();
        var where = where(query, version, visible, parameters);
        // started_at is in every search index: the count reads index entries only
        var count = em.createQuery("SELECT f.startedAt FROM FlowRecord f" + where, Instant.class);
        // the summary's columns only: the row of an ended flow also holds its final document
        var select = em.createQuery("SELECT NEW org.ipaserver.flow.FlowSummary(f.id, f.definitionName, "
                + "f.definitionVersion, f.status, f.currentState, f.launchedBy, f.startedAt, f.updatedAt, f.endedAt, "
                + "f.waitingOn, f.errorMessage, f.errorStep) FROM FlowRecord f" + where
                + " ORDER BY f.startedAt DESC, f.id", FlowSummary.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long skipped = (long) query.page() * query.size();
        var items = select.setFirstResult((int) Math.min(skipped, Integer.MAX_VALUE)).setMaxResults(query.size())
                .getResultList();
        if (items.size() < query.size() && (!items.isEmpty() || skipped == 0)) {
            return new Page(items, query.page(), query.size(), skipped + items.size(), true); // the last page
        }
        int counted = count.setMaxResults(COUNT_LIMIT + 1).getResultList().size();
        if (counted <= COUNT_LIMIT) {
            return new Page(items, query.page(), query.size(), counted, true);
        }
        return new Page(items, query.page(), query.size(), Math.max(COUNT_LIMIT, skipped + items.size()), false);
    }

    /**
     * The ids of at most {@code limit} matching flows, newest first: what a monitor subscription
     * watches. Read from the search indexes, as the count is.
     */
    public static List<String> ids(EntityManager em, Query query, Integer version, Visible visible, int limit) {
        var parameters = new LinkedHashMap<String, Object>();
        var where = where(query, version, visible, parameters);
        var select = em.createQuery("SELECT f.id FROM FlowRecord f" + where + " ORDER BY f.startedAt DESC, f.id",
                String.class);
        parameters.forEach(select::setParameter);
        return select.setMaxResults(limit).getResultList();
    }

    private static StringBuilder where(Query query, Integer version, Visible visible,
                                       LinkedHashMap<String, Object> parameters) {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (visible != null) { // IN () is no valid SQL: without processes, only the caller's own flows
            where.append(visible.processes().isEmpty() ? " AND f.launchedBy = :viewer"
                    : " AND (f.launchedBy = :viewer OR f.definitionName IN :viewable)");
            parameters.put("viewer", visible.launcher());
            if (!visible.processes().isEmpty()) {
                parameters.put("viewable", List.copyOf(visible.processes()));
            }
        }
        filter(where, parameters, "f.definitionName = :definition", "definition", query.definition());
        filter(where, parameters, "f.definitionVersion = :version", "version", version);
        filter(where, parameters, "f.status = :status", "status", query.status() == null ? null
                : FlowStatus.byCode(query.status()).orElseThrow().code());
        filter(where, parameters, "f.currentState = :state", "state", query.state());
        filter(where, parameters, "f.launchedBy = :launchedBy", "launchedBy", query.launchedBy());
        filter(where, parameters, "f.startedAt >= :from", "from", query.from());
        filter(where, parameters, "f.startedAt < :to", "to", query.to());
        return where;
    }

    private static void filter(StringBuilder where, LinkedHashMap<String, Object> parameters, String condition,
                               String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            parameters.put(name, value);
        }
    }
}
