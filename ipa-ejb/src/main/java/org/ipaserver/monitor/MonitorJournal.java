package org.ipaserver.monitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.ipaserver.flow.FlowEvent;
import org.ipaserver.flow.FlowEvents;
import org.ipaserver.store.StoreClock;

/**
 * The engine's events into ipa_MonitorEvents, in the transaction of each change, while a monitor
 * subscription is active anywhere in the cluster (ipa_MonitorState.active_until ahead of now).
 * Whether it is, this instance reads at most every {@link #RECHECK}; a subscription on this
 * instance says so at once. With nobody watching the engine pays that read every 2 s, nothing per flow.
 */
@ApplicationScoped
public class MonitorJournal implements FlowEvents {

    static final Duration RECHECK = Duration.ofSeconds(2);

    private final Clock clock = StoreClock.utc();
    private volatile Instant activeUntil = Instant.EPOCH;
    private volatile Instant checkedAt = Instant.EPOCH;

    @Override
    public boolean listening(EntityManager em) {
        var now = clock.instant();
        if (!now.isBefore(checkedAt.plus(RECHECK))) {
            var until = MonitorStore.activeUntil(em);
            checkedAt = now;
            if (until.isAfter(activeUntil)) {
                activeUntil = until;
            }
        }
        return now.isBefore(activeUntil);
    }

    @Override
    public void happened(EntityManager em, FlowEvent event) {
        MonitorStore.append(em, event);
    }

    /** A subscription on this instance keeps recording on until {@code until} (committed already). */
    void activeUntil(Instant until) {
        if (until.isAfter(activeUntil)) {
            activeUntil = until;
        }
    }
}
