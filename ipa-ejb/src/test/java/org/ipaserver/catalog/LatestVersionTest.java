package org.ipaserver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.expression.Expressions;
import org.ipaserver.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which version a launch without a version runs: the one just published on this instance at once;
 * one published by another instance (another catalog on the same database) within a second; a
 * test version never.
 */
class LatestVersionTest {

    private static final String PROCESS = """
            { "name": "Latest", "description": "%s", "startState": "S", "states": [ { "name": "S" } ] }
            """;

    private final LocalStore store = LocalStore.h2InMemory();
    private final DefinitionCatalog here = new DefinitionCatalog(new Expressions());
    private final DefinitionCatalog elsewhere = new DefinitionCatalog(new Expressions());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aVersionPublishedHereIsLatestAtOnce() {
        publish(here, "one", false);
        assertEquals(1, latest(here));
        publish(here, "two", false);
        assertEquals(2, latest(here));
        publish(here, "a test", true);
        assertEquals(2, latest(here), "a test version is never the latest");
    }

    @Test
    void aVersionPublishedElsewhereIsLatestWithinASecond() throws Exception {
        publish(here, "one", false);
        assertEquals(1, latest(elsewhere));
        publish(here, "two", false);
        long published = System.nanoTime();
        while (latest(elsewhere) == 1 && System.nanoTime() - published < TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(20);
        }
        long waited = System.nanoTime() - published;
        assertEquals(2, latest(elsewhere));
        assertEquals(true, waited <= DefinitionCatalog.LATEST_TRUSTED_NANOS + TimeUnit.MILLISECONDS.toNanos(500),
                "seen after " + waited / 1_000_000 + " ms");
    }

    @Test
    void aProcessNeverPublishedIsFoundAsSoonAsItIs() {
        assertEquals(false, store.inTransaction(em -> elsewhere.find(em, "Latest", null)).isPresent());
        publish(here, "one", false);
        assertEquals(1, latest(elsewhere), "absence is not remembered");
    }

    private void publish(DefinitionCatalog catalog, String description, boolean test) {
        store.run(em -> catalog.publish(em, PROCESS.formatted(description), "designer", Instant.now(), test));
    }

    private int latest(DefinitionCatalog catalog) {
        return store.inTransaction(em -> catalog.find(em, "Latest", null)).map(CompiledProcess::version).orElseThrow();
    }
}
