package org.ipaserver.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.report.Reports;
import org.ipaserver.store.LocalStore;

/**
 * Reports on a million flows (PostgreSQL): N ended flows of 30 days and a reported value each are
 * written by SQL from one real flow's final document, then the first reporting pass reads them all
 * (as after the upgrade that brings reports), then a process report, a variable's values and the
 * same counts by a GROUP BY over the flows are timed (median of 15).
 *
 * <pre>--mode reports --flows 1000000</pre>
 */
final class ReportBenchmark {

    private static final String PROCESS = """
            { "name": "ReportBench", "startState": "Intake",
              "variables": [ { "name": "Kind", "type": "String", "report": true, "initial": "car" } ],
              "states": [ { "name": "Intake", "actions": [ { "type": "ChangeState", "state": "Review" } ] },
                          { "name": "Review", "actions": [ { "type": "ChangeState", "state": "Done" } ] },
                          { "name": "Done", "actions": [ { "type": "UpdateVariables", "assignments": [
                            { "variable": "Kind", "value": "${Kind}" } ] } ] } ] }
            """;
    private static final Instant TEMPLATE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private ReportBenchmark() {
    }

    static void run(Map<String, String> options) throws Exception {
        int flows = Integer.parseInt(options.getOrDefault("flows", "1000000"));
        var today = LocalDate.now(ZoneOffset.UTC);
        var first = today.minusDays(29);
        try (var store = FlowBenchmark.store("postgresql")) {
            var catalog = new DefinitionCatalog(new Expressions());
            var engine = new FlowEngine(catalog, Clock.fixed(TEMPLATE_TIME, ZoneOffset.UTC), "bench", 10,
                    new org.ipaserver.workitem.WorkItemRouter(Clock.systemUTC()));
            store.run(em -> catalog.publish(em, PROCESS, "bench", Instant.now()));
            var template = store.inTransaction(em -> engine.launch(em, "ReportBench", null, Map.of(), "bench"));
            var reports = new Reports(catalog, Clock.systemUTC(), Duration.ofSeconds(30));

            long writing = System.nanoTime();
            store.run(em -> {
                var document = (String) em.createNativeQuery("SELECT state_document FROM flowexec_Flows WHERE flow_id = ?1")
                        .setParameter(1, template).getSingleResult();
                // one flow every 30 days / N; a step time of the template becomes the row's own, so that
                // each flow spends g % 600 s in Intake, nothing in Review and g % 90 s in Done
                em.createNativeQuery("""
                        INSERT INTO flowexec_Flows (flow_id, definition_name, definition_version, status, current_state,
                            storage_id, launched_by, depth, started_at, updated_at, ended_at, row_version, job_attempts,
                            owner_epoch, state_document)
                        SELECT md5(g::text || 'f'), 'ReportBench', 1, CASE WHEN g % 50 = 0 THEN 'cancelled' ELSE 'completed' END,
                            'Done', 'bench', 'bench', 0, s, s + (g % 600 + g % 90) * interval '1 second',
                            s + (g % 600 + g % 90) * interval '1 second', 1, 0, 0,
                            replace(?1, ?2, (floor(extract(epoch from s + (g % 600) * interval '1 second') * 1000))::bigint::text)
                        FROM (SELECT g, CAST(?3 AS timestamp) + g * (interval '30 days' / ?4) AS s
                              FROM generate_series(1, ?4) g) t
                        """).setParameter(1, document).setParameter(2, String.valueOf(TEMPLATE_TIME.toEpochMilli()))
                        .setParameter(3, first.atStartOfDay()).setParameter(4, flows).executeUpdate();
                em.createNativeQuery("""
                        INSERT INTO ipa_VariableReports (report_id, flow_id, definition_name, variable_name, value_text, recorded_at)
                        SELECT md5(flow_id || 'r'), flow_id, definition_name, 'Kind',
                            (ARRAY['car', 'van', 'truck', 'bike', 'bus'])[1 + abs(hashtext(flow_id)) % 5], ended_at
                        FROM flowexec_Flows WHERE definition_name = 'ReportBench' AND flow_id <> ?1
                        """).setParameter(1, template).executeUpdate();
            });
            store.run(em -> em.createNativeQuery("ANALYZE").executeUpdate());
            System.out.printf("wrote %,d ended flows and %,d reported values over 30 days in %.1f s%n", flows, flows,
                    (System.nanoTime() - writing) / 1e9);

            long pass = System.nanoTime();
            store.run(em -> reports.rollUp(em));
            double passSeconds = (System.nanoTime() - pass) / 1e9;
            System.out.printf("first reporting pass (every flow's final document read): %.1f s, %,.0f flows/s%n",
                    passSeconds, flows / passSeconds);

            var report = store.inTransaction(em -> reports.process(em, "ReportBench", null, first, today));
            long launched = report.days().stream().mapToLong(d -> d.launched()).sum();
            System.out.printf("report: %,d launched, %,d completed over %d days; %s%n", launched,
                    report.days().stream().mapToLong(d -> d.completed()).sum(), report.days().size(), report.states());
            System.out.println("process report, 30 days (rollups + what came after the pass): "
                    + median(() -> store.inTransaction(em -> reports.process(em, "ReportBench", null, first, today))));
            System.out.println("the same counts by GROUP BY over the flows: " + median(() -> store.inTransaction(em ->
                    em.createNativeQuery("SELECT CAST(started_at AS date), count(*) FROM flowexec_Flows WHERE "
                            + "definition_name = 'ReportBench' AND started_at >= ?1 GROUP BY 1")
                            .setParameter(1, first.atStartOfDay()).getResultList())));
            System.out.println("a reported variable, 30 days (a page of 100 and the 10 most frequent values): "
                    + median(() -> store.inTransaction(em -> reports.values(em, "ReportBench", "Kind", first, today, 0, 100))));
            System.out.println("work items per workgroup, 30 days: "
                    + median(() -> store.inTransaction(em -> reports.work(em, first, today))));
        }
    }

    private static String median(Supplier<?> work) {
        var millis = new double[15];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format("median %.1f ms (min %.1f, max %.1f)", millis[millis.length / 2], millis[0],
                millis[millis.length - 1]);
    }
}
