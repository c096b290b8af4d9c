package org.ipaserver.admission;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ipaserver.admin.InvalidServerParameterException;

/**
 * This instance's admission of launches over the API (see {@link AdmissionGate}), set by
 * MicroProfile Config: {@code ipa.admission.permits} (launches at once; 4 per processor, at most 32),
 * {@code ipa.admission.overloadedAfterMillis} (1000), {@code ipa.admission.whenOverloaded}
 * (refuse or queue; refuse), {@code ipa.admission.maxWaitMillis} (queue: 10000) and
 * {@code ipa.admission.maxQueue} (what the server's 64 HTTP threads leave beside the permits and 8
 * threads for other requests: 48 on 2 processors): a burst that a pause of the JVM or the database
 * makes is waited out instead of refused, and other requests are still served while launches wait.
 * A bad value stops the deployment, naming it.
 */
@ApplicationScoped
public class LaunchAdmission {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LaunchAdmission.class.getName());
    /** The HTTP pool ./ipa configures (configure-domain.sh, a node's post-boot commands). */
    static final int HTTP_THREADS = 64;

    private AdmissionGate gate;

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        var settings = settings(name -> config.getOptionalValue(name, String.class));
        if (settings.permits() + settings.maxQueue() > HTTP_THREADS - 8) {
            LOG.warning("ipa.admission.permits + ipa.admission.maxQueue = " + (settings.permits() + settings.maxQueue())
                    + " leaves the server's " + HTTP_THREADS + " HTTP threads too few for other requests (health, "
                    + "reads) while launches wait: raise the HTTP pool with them");
        }
        gate = new AdmissionGate(settings, System::nanoTime);
    }

    static AdmissionGate.Settings settings(Function<String, Optional<String>> lookup) {
        var problems = new ArrayList<String>();
        int permits = number(lookup, "ipa.admission.permits",
                Math.min(32, 4 * Runtime.getRuntime().availableProcessors()), 1, problems);
        long overloadedAfter = number(lookup, "ipa.admission.overloadedAfterMillis", 1000, 0, problems);
        long maxWait = number(lookup, "ipa.admission.maxWaitMillis", 10_000, 0, problems);
        int maxQueue = number(lookup, "ipa.admission.maxQueue", Math.max(0, HTTP_THREADS - 8 - permits), 0, problems);
        var when = lookup.apply("ipa.admission.whenOverloaded").map(v -> v.trim().toUpperCase(Locale.ROOT)).orElse("REFUSE");
        if (!when.equals("REFUSE") && !when.equals("QUEUE")) {
            problems.add("ipa.admission.whenOverloaded = '" + lookup.apply("ipa.admission.whenOverloaded").orElse("")
                    + "' must be refuse or queue");
            when = "REFUSE";
        }
        if (!problems.isEmpty()) {
            throw new InvalidServerParameterException(problems);
        }
        return new AdmissionGate.Settings(permits, Duration.ofMillis(overloadedAfter),
                AdmissionGate.WhenOverloaded.valueOf(when), Duration.ofMillis(maxWait), maxQueue);
    }

    private static int number(Function<String, Optional<String>> lookup, String name, int fallback, int min,
                              java.util.List<String> problems) {
        var raw = lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty());
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        problems.add(name + " = '" + raw.get() + "' must be a whole number from " + min);
        return fallback;
    }

    /** Waits for a launch slot as configured; throws {@link AdmissionGate.Overloaded} when refused. */
    public void admit() {
        try {
            gate.admit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdmissionGate.Overloaded("the server is stopping; nothing was launched", 10);
        }
    }

    public void release() {
        gate.release();
    }

    public InstanceLoad load() {
        return gate.snapshot();
    }
}
