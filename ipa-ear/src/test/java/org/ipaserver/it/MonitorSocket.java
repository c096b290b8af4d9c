package org.ipaserver.it;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of the live monitor (/ipa/monitor) for the integration tests, on the JDK's WebSocket:
 * signs in with HTTP Basic, may send an Origin, keeps every frame it receives (as text and JSON).
 */
final class MonitorSocket implements AutoCloseable {

    private final WebSocket socket;
    private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    /** Every frame received so far, in order (also those taken by {@link #await}). */
    final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());

    private MonitorSocket(URI uri, Api.Credentials who, String origin) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (who.user() != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (who.user() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)));
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket = builder.buildAsync(uri, new Listener()).join();
    }

    static URI uri(URL contextRoot) {
        var root = contextRoot.toString().replaceFirst("^http", "ws");
        return URI.create(root.endsWith("/") ? root + "monitor" : root + "/monitor");
    }

    static MonitorSocket open(URL contextRoot, Api.Credentials who) {
        return new MonitorSocket(uri(contextRoot), who, null);
    }

    static MonitorSocket open(URL contextRoot, Api.Credentials who, String origin) {
        return new MonitorSocket(uri(contextRoot), who, origin);
    }

    /** The HTTP status the handshake was refused with, or 101 when it was not. */
    static int handshakeStatus(URL contextRoot, Api.Credentials who, String origin) {
        try (var accepted = new MonitorSocket(uri(contextRoot), who, origin)) {
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    void subscribe(String filter, Long after) {
        socket.sendText("{\"type\":\"subscribe\",\"filter\":" + filter + (after == null ? "" : ",\"after\":" + after)
                + "}", true).join();
    }

    /** Asks to be told when the user's My Work Items change. */
    void watchWorkItems() {
        socket.sendText("{\"type\":\"workItems\"}", true).join();
    }

    /** The next frame matching {@code wanted} within {@code within} (others before it are passed over). */
    JsonObject await(Predicate<JsonObject> wanted, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                var left = deadline - System.nanoTime();
                var frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no frame with " + what + " within " + within + "; received: " + received);
                }
                var json = Api.parse(frame).asJsonObject();
                if (wanted.test(json)) {
                    return json;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    JsonObject awaitType(String type) {
        return await(frame -> frame.getString("type").equals(type), Duration.ofSeconds(20), "type " + type);
    }

    /** The events received so far (in the order they came) of one flow. */
    List<JsonObject> events(String flowId) {
        synchronized (received) {
            return received.stream().map(f -> Api.parse(f).asJsonObject())
                    .filter(f -> f.getString("type").equals("event") && f.getString("flowId").equals(flowId)).toList();
        }
    }

    /** How many events arrived so far. */
    int eventCount() {
        synchronized (received) {
            return (int) received.stream().filter(f -> f.startsWith("{\"type\":\"event\"")).count();
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
    }

    /** Cuts the connection without a goodbye, as a network failure would. */
    void abort() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                var frame = partial.toString();
                partial.setLength(0);
                received.add(frame);
                frames.add(frame);
            }
            webSocket.request(1);
            return null;
        }
    }
}
