package org.ipaserver.monitor;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipaserver.admin.PooledThreads;
import org.ipaserver.store.StoreClock;

/**
 * This instance's subscribers and the one thread that serves them: every {@link #TICK} it reads
 * the journal after the last number handed on ({@link EventTail}), and gives each subscriber the
 * frames of its subscription. A subscriber that comes back with its last number first gets what
 * the journal kept after it (or a {@code gap} message), then the live events. Subscribers are
 * touched by that thread alone; the WebSocket threads hand it commands.
 */
@ApplicationScoped
public class MonitorHub {

    private static final Logger LOG = Logger.getLogger(MonitorHub.class.getName());
    static final Duration TICK = Duration.ofMillis(250);
    /** How long an event read beyond a hole waits for the hole's transaction to commit. */
    static final Duration HOLD = Duration.ofMillis(1500);
    /** How far ahead a subscription keeps the journal recording, renewed every minute. */
    static final Duration ACTIVE_AHEAD = Duration.ofMinutes(5);
    static final Duration RENEW = Duration.ofMinutes(1);
    /** How long the journal keeps events for subscribers that come back. */
    static final Duration KEPT = Duration.ofMinutes(15);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final int BATCH = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @EJB
    MonitorService service;
    @Inject
    MonitorJournal journal;

    private final Clock clock = StoreClock.utc();
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Map<MonitorClient, Subscription> live = new LinkedHashMap<>();
    private ScheduledFuture<?> ticking;
    private EventTail tail;
    private volatile Instant renewedAt = Instant.EPOCH;
    private Instant heartbeatAt = Instant.EPOCH;

    /**
     * Counts the filter's flows first (refused with {@link TooBroadFilter} when too many), then
     * registers the subscriber: with {@code after} (its last number) it gets what it missed first.
     *
     * @return the subscription made
     */
    public Subscription subscribe(MonitorClient client, Viewer viewer, MonitorFilter filter, Long after) {
        var now = clock.instant();
        keepActive(now);
        var watch = service.watch(viewer, filter);
        var subscription = new Subscription(viewer, filter, watch.visible(), watch.flows(), watch.maximum(),
                (process, version) -> service.restricted(viewer, process, version));
        commands.add(() -> register(client, subscription, after));
        start();
        return subscription;
    }

    public void unsubscribe(MonitorClient client) {
        commands.add(() -> live.remove(client));
    }

    private synchronized void start() {
        if (ticking == null || ticking.isDone()) {
            ticking = scheduler.scheduleWithFixedDelay(PooledThreads.guarded(this::tick), 0, TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void keepActive(Instant now) {
        var until = now.plus(ACTIVE_AHEAD);
        service.keepActive(now, until);
        journal.activeUntil(until);
        renewedAt = now;
    }

    private void tick() {
        try {
            Runnable command;
            while ((command = commands.poll()) != null) {
                command.run();
            }
            if (live.isEmpty()) {
                tail = null; // whoever subscribes next starts from the journal as it is then
                return;
            }
            var now = clock.instant();
            deliver(tail.pass(service.after(tail.position(), Long.MAX_VALUE, BATCH), now), live);
            if (!now.isBefore(renewedAt.plus(RENEW))) {
                keepActive(now);
                service.purge(now.minus(KEPT));
            }
            if (!now.isBefore(heartbeatAt.plus(HEARTBEAT))) {
                heartbeatAt = now;
                var beat = MonitorMessages.heartbeat(tail.position());
                live.keySet().forEach(client -> client.send(beat));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The monitor could not read its journal; it tries again", e);
        }
    }

    private void register(MonitorClient client, Subscription subscription, Long after) {
        if (tail == null) {
            // what is older than the hold has committed (or never will): the tail starts behind it
            var now = clock.instant();
            service.purge(now.minus(KEPT));
            tail = new EventTail(service.lastBefore(now.minus(HOLD)), HOLD);
        }
        var position = tail.position();
        if (after != null) {
            // the tail may start behind the client (it starts anew when nobody watched)
            subscription.receivedThrough(after);
            var completeAfter = service.completeAfter();
            // older than what is kept, or from a journal this one is not (a database restored)
            if (after < completeAfter || after > service.last()) {
                client.send(MonitorMessages.gap(after, completeAfter));
            }
            var from = after;
            List<StoredEvent> batch;
            do {
                batch = service.after(from, position, BATCH);
                deliver(batch, Map.of(client, subscription));
                from = batch.isEmpty() ? from : batch.get(batch.size() - 1).seq();
            } while (batch.size() == BATCH);
        }
        client.send(MonitorMessages.subscribed(subscription.watchedAtStart(), subscription.maximum(),
                after == null ? position : Math.max(position, after)));
        live.put(client, subscription);
    }

    private static void deliver(List<StoredEvent> events, Map<MonitorClient, Subscription> to) {
        for (var event : events) {
            if (StoredEvent.RECORDING.equals(event.kind())) {
                continue;
            }
            var payload = MonitorMessages.parse(event.payload());
            to.forEach((client, subscription) -> subscription.frame(event, payload).ifPresent(client::send));
        }
    }
}
