package org.ipaserver.monitor;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.ipaserver.flow.FlowSearch;

/**
 * One viewer's subscription: which events they get and how each is masked for them. They get the
 * events of the flows they may view (their own, or of a process they hold the View right on) that
 * the filter watches: the flows that matched when they subscribed, and any flow an event leaves
 * matching it (a flow launched since, one that came into the state watched); a watched flow stays
 * watched when it leaves the filter, so its last event is seen. Variables a viewer may not see
 * (data access security) are never in their frames, only named as restricted.
 */
public final class Subscription {

    private final Viewer viewer;
    private final MonitorFilter filter;
    /** Null: the viewer may view every flow. */
    private final FlowSearch.Visible visible;
    private final Set<String> watched;
    private final int watchedAtStart;
    private final int maximum;
    private final BiFunction<String, Integer, Set<String>> restrictedOf;
    private final Map<String, Set<String>> restricted = new HashMap<>();
    /** The subscriber has every event up to this number already (it came back with it). */
    private long receivedThrough;

    /**
     * @param watched      the flows that matched at subscription (at most {@code maximum})
     * @param restrictedOf the variables of a process version the viewer may not see
     */
    public Subscription(Viewer viewer, MonitorFilter filter, FlowSearch.Visible visible, List<String> watched,
                        int maximum, BiFunction<String, Integer, Set<String>> restrictedOf) {
        this.viewer = viewer;
        this.filter = filter;
        this.visible = visible;
        this.watched = new HashSet<>(watched);
        this.watchedAtStart = watched.size();
        this.maximum = maximum;
        this.restrictedOf = restrictedOf;
    }

    public Viewer viewer() {
        return viewer;
    }

    public MonitorFilter filter() {
        return filter;
    }

    /** PAS Maximum Monitored Flows when the viewer subscribed. */
    public int maximum() {
        return maximum;
    }

    /** How many flows matched when the viewer subscribed. */
    public int watchedAtStart() {
        return watchedAtStart;
    }

    /** The subscriber came back having received every event up to {@code seq}: none of them is sent again. */
    public void receivedThrough(long seq) {
        receivedThrough = Math.max(receivedThrough, seq);
    }

    /** The event as this viewer's frame, masked; empty when it is none of theirs. */
    public Optional<String> frame(StoredEvent event, JsonObject payload) {
        if (event.seq() <= receivedThrough || event.flowId() == null || !mayView(event.process(), payload.getString("launchedBy", null))) {
            return Optional.empty();
        }
        if (!watched.contains(event.flowId())) {
            if (!filter.matches(event.process(), event.version(), payload.getString("status", null),
                    payload.getString("state", null), payload.getString("launchedBy", null),
                    MonitorMessages.instant(payload, "startedAt"))) {
                return Optional.empty();
            }
            if (watched.size() < maximum) { // a flow beyond is still seen while it matches
                watched.add(event.flowId());
            }
        }
        var hidden = restricted.computeIfAbsent(event.process() + "/" + event.version(),
                key -> restrictedOf.apply(event.process(), event.version()));
        return Optional.of(MonitorMessages.event(event, payload, hidden));
    }

    private boolean mayView(String process, String launchedBy) {
        return visible == null || viewer.name().equals(launchedBy) || visible.processes().contains(process);
    }
}
