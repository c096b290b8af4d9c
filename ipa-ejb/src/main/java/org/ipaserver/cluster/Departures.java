package org.ipaserver.cluster;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances the data grid saw leave (a killed process closes its grid connections at once), taken
 * over as soon as they miss two renewals of their lease instead of once it runs out. The grid's
 * word alone moves nothing: a member cut off from the grid may still reach the database and renew,
 * so its registration is read when the news comes and claimed only if it has not renewed for two
 * renewal periods and a grace after that read (see {@link InstanceRegistry#claim}); a live
 * instance's renewal may run late, not twice over.
 */
public final class Departures {

    /** Beyond two renewal periods, for renewals that run late on a busy instance. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    /** How long an instance the grid saw leave stays silent, from its last renewal on, before it is claimed. */
    public static Duration silenceBeforeClaim(Duration renewal) {
        return renewal.multipliedBy(2).plus(GRACE);
    }

    private final Clock clock;
    private final Map<String, Watch> watched = new ConcurrentHashMap<>();

    /** Read at {@code readAt} as {@code seen}; null until the next scan reads it. */
    private record Watch(Instant readAt, InstanceRegistry.Expired seen) {
    }

    public Departures(Clock clock) {
        this.clock = clock;
    }

    /** The grid saw the holder of {@code storageId} leave; called on the grid's event threads. */
    public void left(String storageId) {
        watched.put(storageId, new Watch(null, null));
    }

    /**
     * The departed registrations that have stayed silent for a renewal period since they were read,
     * to be claimed; reads those newly departed (forgetting those no longer live). Never {@code self}.
     */
    public List<InstanceRegistry.Expired> due(EntityManager em, InstanceRegistry registry, String self) {
        var now = clock.instant();
        var wait = silenceBeforeClaim(registry.renewal());
        var due = new ArrayList<InstanceRegistry.Expired>();
        watched.forEach((storageId, watch) -> {
            if (storageId.equals(self)) {
                watched.remove(storageId, watch);
            } else if (watch.seen() == null) {
                registry.standing(em, storageId).ifPresentOrElse(
                        seen -> watched.replace(storageId, watch, new Watch(now, seen)),
                        () -> watched.remove(storageId, watch)); // stopped cleanly, or already taken over
            } else if (!now.isBefore(watch.readAt().plus(wait))) {
                due.add(watch.seen());
            }
        });
        return due;
    }

    /** A claim was lost (it renewed, or another took it), or won and committed: no longer one to watch. */
    public void settled(String storageId) {
        watched.remove(storageId);
    }

    /** The storage IDs the grid saw leave that are still watched; for the log and tests. */
    public List<String> watched() {
        return List.copyOf(watched.keySet());
    }
}
