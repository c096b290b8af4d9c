package org.ipaserver.monitor;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ipaserver.admin.PooledThreads;
import org.ipaserver.workitem.WorkItemService;
import org.ipaserver.workitem.WorkListMark;

/**
 * The live My Work Items: every {@link #EVERY} this instance reads the marks of the users who
 * watch their lists ({@link WorkListMark}, one pass for all of them) and tells those whose mark
 * changed. A change made on any instance is seen, since the mark is read from the database. The
 * message says only that something changed: the page reads its lists over REST, with the user's
 * own rights, so nothing reaches a socket that the user's REST calls would not show.
 */
@ApplicationScoped
public class WorkListWatch {

    private static final Logger LOG = Logger.getLogger(WorkListWatch.class.getName());
    static final Duration EVERY = Duration.ofSeconds(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    @Resource
    ManagedScheduledExecutorService scheduler;
    @EJB
    WorkItemService workItems;

    private final Map<MonitorClient, Watcher> watchers = new ConcurrentHashMap<>();
    private ScheduledFuture<?> ticking;
    private long ticks;

    private static final class Watcher {
        final String user;
        volatile WorkListMark mark;

        Watcher(String user, WorkListMark mark) {
            this.user = user;
            this.mark = mark;
        }
    }

    /** Watches the user's lists for the client, from their state now; the client is told at once. */
    public void watch(MonitorClient client, String user) {
        var mark = workItems.marks(Set.of(user)).get(user);
        watchers.put(client, new Watcher(user, mark));
        client.send(MonitorMessages.watchingWorkItems());
        start();
    }

    public void unwatch(MonitorClient client) {
        watchers.remove(client);
    }

    private synchronized void start() {
        if (ticking == null || ticking.isDone()) {
            ticking = scheduler.scheduleWithFixedDelay(PooledThreads.guarded(this::tick), EVERY.toMillis(),
                    EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void tick() {
        if (watchers.isEmpty()) {
            return;
        }
        try {
            var users = watchers.values().stream().map(w -> w.user).collect(Collectors.toSet());
            var marks = workItems.marks(users);
            watchers.forEach((client, watcher) -> {
                var now = marks.get(watcher.user);
                if (now != null && !now.equals(watcher.mark)) {
                    watcher.mark = now;
                    client.send(MonitorMessages.workItemsChanged());
                }
            });
            if (++ticks % HEARTBEAT.dividedBy(EVERY) == 0) {
                var beat = MonitorMessages.heartbeat();
                watchers.keySet().forEach(client -> client.send(beat));
            }
        } catch (RuntimeException e) {
            // the store is unusable for now (it says so itself); the next tick tries again
            LOG.log(Level.FINE, "My Work Items could not read the lists' marks", e);
        }
    }
}
