package org.ipaserver.monitor;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket session's frames waiting to leave, sent one at a time without blocking whoever
 * adds them (the hub's thread). A client that lets {@link #LIMIT} frames pile up is closed (1013,
 * try again later): it reconnects with its last number and reads the rest from the journal, and
 * nobody else waits for it.
 */
final class Outbox implements MonitorClient {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    static final int LIMIT = 5_000;

    private final Session session;
    private final Queue<String> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean closed;

    Outbox(Session session) {
        this.session = session;
    }

    @Override
    public void send(String frame) {
        if (closed) {
            return;
        }
        if (waiting.incrementAndGet() > LIMIT) {
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect with your last number"));
            return;
        }
        frames.add(frame);
        next();
    }

    /**
     * Sends the next frame unless one is on its way. A send that completes at once (inside
     * sendText) hands over to this loop rather than calling back in, so a long queue never
     * deepens the stack.
     */
    private void next() {
        while (!closed && sending.compareAndSet(false, true)) {
            var frame = frames.poll();
            if (frame == null) {
                sending.set(false);
                if (frames.isEmpty()) {
                    return;
                }
                continue; // added while this one was letting go
            }
            var inline = new AtomicInteger(); // 0: in sendText, 1: returned, 2: completed inside it
            try {
                session.getAsyncRemote().sendText(frame, result -> {
                    waiting.decrementAndGet();
                    if (!result.isOK()) {
                        close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
                        return;
                    }
                    sending.set(false);
                    if (!inline.compareAndSet(0, 2)) {
                        next();
                    }
                });
            } catch (RuntimeException e) {
                close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
                return;
            }
            if (inline.compareAndSet(0, 1)) {
                return; // the send goes on; its completion calls next()
            }
        }
    }

    void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        frames.clear();
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a monitor session", e);
        }
    }
}
