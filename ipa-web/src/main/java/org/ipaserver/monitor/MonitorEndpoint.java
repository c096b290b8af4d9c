package org.ipaserver.monitor;

import static org.ipaserver.store.JsonFactory.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.StringReader;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipaserver.refusal.InvalidInput;

/**
 * The live monitor at {@code /ipa/monitor}: a signed-in client sends
 * {@code {"type":"subscribe","filter":{...},"after":n}} and gets its events (see README, "The
 * live monitor"), or {@code {"type":"workItems"}} and is told when its My Work Items change.
 * One subscription per connection; a new one replaces it.
 */
@ServerEndpoint(value = "/monitor", configurator = MonitorHandshake.class)
public class MonitorEndpoint {

    private static final Logger LOG = Logger.getLogger(MonitorEndpoint.class.getName());

    @Inject
    MonitorHub hub;
    @Inject
    WorkListWatch workLists;

    private Viewer viewer;
    private Outbox outbox;

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        outbox = new Outbox(session);
        viewer = (Viewer) config.getUserProperties().get(MonitorHandshake.VIEWER);
        if (viewer == null) { // web.xml lets nobody in unsigned; this is the second lock
            outbox.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
        }
    }

    @OnMessage
    public void message(String text) {
        if (viewer == null) {
            return; // closed at its opening
        }
        JsonObject message;
        try (var reader = JSON.createReader(new StringReader(text))) {
            message = reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            outbox.send(MonitorMessages.invalid(List.of(new InvalidInput.FieldError("message",
                    "must be a JSON object such as {\"type\":\"subscribe\",\"filter\":{}}"))));
            return;
        }
        var type = message.get("type") instanceof jakarta.json.JsonString name ? name.getString() : null;
        if ("workItems".equals(type)) {
            watchWorkItems();
            return;
        }
        if (!"subscribe".equals(type)) {
            outbox.send(MonitorMessages.invalid(List.of(new InvalidInput.FieldError("type",
                    "the monitor takes {\"type\":\"subscribe\",\"filter\":{...},\"after\":<last number>} "
                            + "or {\"type\":\"workItems\"}"))));
            return;
        }
        workLists.unwatch(outbox);
        try {
            var filter = MonitorFilter.from(message.containsKey("filter") && !message.isNull("filter")
                    ? message.getJsonObject("filter") : null);
            var after = after(message);
            hub.unsubscribe(outbox);
            hub.subscribe(outbox, viewer, filter, after);
        } catch (InvalidInput e) {
            outbox.send(MonitorMessages.invalid(e.errors()));
        } catch (TooBroadFilter e) {
            outbox.send(MonitorMessages.refused(e.count(), e.exact(), e.maximum()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A monitor subscription failed", e);
            outbox.send(MonitorMessages.error("the subscription could not be made: the store is unavailable; "
                    + "try again"));
        }
    }

    private void watchWorkItems() {
        hub.unsubscribe(outbox);
        try {
            workLists.watch(outbox, viewer.name());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Watching My Work Items failed", e);
            outbox.send(MonitorMessages.error("the work items could not be watched: the store is unavailable; "
                    + "try again"));
        }
    }

    private static Long after(JsonObject message) {
        if (!message.containsKey("after") || message.isNull("after")) {
            return null;
        }
        if (message.get("after") instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0) {
            return number.longValue();
        }
        throw new InvalidInput(List.of(new InvalidInput.FieldError("after",
                "must be the number of the last event received (0 or more)")));
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (outbox != null) {
            hub.unsubscribe(outbox);
            workLists.unwatch(outbox);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "monitor session " + session.getId(), failure);
    }
}
