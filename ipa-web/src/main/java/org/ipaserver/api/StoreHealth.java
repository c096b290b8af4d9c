package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.ipaserver.admin.IpaServer;
import org.ipaserver.admission.AdmissionGate;
import org.ipaserver.admission.LaunchAdmission;

/**
 * Health: alive while the application runs; ready only while the flow store is usable, this
 * instance holds its storage ID and it is not overloaded. The answer
 * is anonymous: it names the store's event, never the database's own message (that is in the log).
 */
public class StoreHealth {

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @EJB
        IpaServer server;

        @Override
        public HealthCheckResponse call() {
            var store = server.store();
            return HealthCheckResponse.named("ipa-flow-store").status(store.usable())
                    .withData("eventId", store.eventId()).withData("message", store.summary()).build();
        }
    }

    /** Ready while this instance holds its storage ID, so that it may run flows. */
    @Readiness
    @ApplicationScoped
    public static class Admitted implements HealthCheck {
        @EJB
        IpaServer server;

        @Override
        public HealthCheckResponse call() {
            var refused = server.notAdmitted();
            return HealthCheckResponse.named("ipa-instance").status(refused == null)
                    .withData("instance", refused == null ? "this instance holds its storage ID" : refused).build();
        }
    }

    /** Ready unless overloaded: a load balancer sends new work elsewhere meanwhile. */
    @Readiness
    @ApplicationScoped
    public static class NotOverloaded implements HealthCheck {
        @Inject
        LaunchAdmission admission;

        @Override
        public HealthCheckResponse call() {
            var load = admission.load();
            return HealthCheckResponse.named("ipa-load").status(!load.load().equals(AdmissionGate.Load.OVERLOADED.code()))
                    .withData("load", load.load()).withData("running", load.running())
                    .withData("waiting", load.waiting()).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("ipa-server");
        }
    }
}
