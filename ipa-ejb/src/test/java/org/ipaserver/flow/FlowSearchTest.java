package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ipaserver.store.LocalStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging and totals on more flows than a search counts. */
class FlowSearchTest {

    private static final int MANY = FlowSearch.COUNT_LIMIT + 3;
    private static LocalStore store;

    @BeforeAll
    static void manyFlows() {
        store = LocalStore.h2InMemory();
        // Broad: MANY completed flows of "Broad", one a second; narrow: 120 of them by "ann".
        store.run(em -> em.createNativeQuery("INSERT INTO flowexec_Flows (flow_id, definition_name, "
                + "definition_version, status, current_state, storage_id, launched_by, depth, started_at, updated_at, "
                + "ended_at, row_version) SELECT CAST(RANDOM_UUID() AS VARCHAR), 'Broad', 1, 'completed', 'Done', 's', "
                + "CASE WHEN X <= 120 THEN 'ann' ELSE 'bob' END, 0, DATEADD(SECOND, X, TIMESTAMP '2026-01-01 00:00:00'), "
                + "TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-02-01 00:00:00', 1 FROM SYSTEM_RANGE(1, " + MANY + ")")
                .executeUpdate());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static FlowSearch.Page search(String launcher, int page, int size) {
        return store.inTransaction(em -> FlowSearch.run(em, new FlowSearch.Query("Broad", "completed", null, launcher,
                null, null, page, size)));
    }

    @Test
    void aBroadSearchSaysThereAreAtLeastTheCountLimitAndStillPagesNewestFirst() {
        var first = search(null, 0, 50);
        assertEquals(50, first.items().size());
        assertEquals(FlowSearch.COUNT_LIMIT, first.total());
        assertFalse(first.totalExact(), "more matches than are counted");
        assertTrue(first.items().get(0).startedAt().isAfter(first.items().get(49).startedAt()));
    }

    @Test
    void theLastPageOfABroadSearchKnowsTheExactTotal() {
        var last = search(null, MANY / 50, 50);
        assertEquals(MANY % 50, last.items().size());
        assertEquals(MANY, last.total());
        assertTrue(last.totalExact());
    }

    @Test
    void aNarrowSearchIsCountedExactlyOnEveryPage() {
        for (int page = 0; page <= 3; page++) {
            var found = search("ann", page, 50);
            assertEquals(120, found.total(), "page " + page);
            assertTrue(found.totalExact());
            assertEquals(page < 2 ? 50 : page == 2 ? 20 : 0, found.items().size(), "page " + page);
        }
    }
}
