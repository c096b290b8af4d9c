package org.ipaserver.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.store.StoreClock;

/** The reports of this server instance, on the engine's catalog. */
@ApplicationScoped
public class ReportRuntime {

    @Inject
    DefinitionCatalog catalog;
    /** How old something must be before a pass rolls it up: the transactions of that time have all committed. */
    @Inject
    @ConfigProperty(name = "ipa.report.lagSeconds", defaultValue = "30")
    long lagSeconds;

    private Reports reports;

    @Produces
    public Reports reports() {
        if (reports == null) {
            reports = new Reports(catalog, StoreClock.utc(), Duration.ofSeconds(lagSeconds));
        }
        return reports;
    }
}
