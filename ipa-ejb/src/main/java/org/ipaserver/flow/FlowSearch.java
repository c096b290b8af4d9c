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

    public record Page(List<FlowSummary> items, int page, int size, long total) {
    }

    static Page run(EntityManager em, Query query) {
        return run(em, query, null);
    }

    /** With {@code visible} null every flow may be found. */
    static Page run(EntityManager em, Query query, Visible visible) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new LinkedHashMap<String, Object>();
        if (visible != null) { // IN () is no valid SQL: without processes, only the caller's own flows
            where.append(visible.processes().isEmpty() ? " AND f.launchedBy = :viewer"
                    : " AND (f.launchedBy = :viewer OR f.definitionName IN :viewable)");
            parameters.put("viewer", visible.launcher());
            if (!visible.processes().isEmpty()) {
                parameters.put("viewable", List.copyOf(visible.processes()));
            }
        }
        filter(where, parameters, "f.definitionName = :definition", "definition", query.definition());
        filter(where, parameters, "f.status = :status", "status", query.status() == null ? null
                : FlowStatus.byCode(query.status()).orElseThrow().code());
        filter(where, parameters, "f.currentState = :state", "state", query.state());
        filter(where, parameters, "f.launchedBy = :launchedBy", "launchedBy", query.launchedBy());
        filter(where, parameters, "f.startedAt >= :from", "from", query.from());
        filter(where, parameters, "f.startedAt < :to", "to", query.to());

        var count = em.createQuery("SELECT COUNT(f) FROM FlowRecord f" + where, Long.class);
        var select = em.createQuery("SELECT f FROM FlowRecord f" + where + " ORDER BY f.startedAt DESC, f.id",
                FlowRecord.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        var items = select.setFirstResult(query.page() * query.size()).setMaxResults(query.size()).getResultList()
                .stream().map(FlowSummary::of).toList();
        return new Page(items, query.page(), query.size(), count.getSingleResult());
    }

    private static void filter(StringBuilder where, LinkedHashMap<String, Object> parameters, String condition,
                               String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            parameters.put(name, value);
        }
    }
}
