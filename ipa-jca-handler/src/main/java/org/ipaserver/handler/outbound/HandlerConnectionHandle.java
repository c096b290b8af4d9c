package org.ipaserver.handler.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ipaserver.handler.HandlerConnection;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;

/**
 * The connection the application holds. The server may move it to another managed connection
 * (associateConnection), so it reaches its managed connection only through this reference.
 */
public class HandlerConnectionHandle implements HandlerConnection {

    /** Empty once the handle is closed or its managed connection was cleaned up. */
    private final AtomicReference<HandlerManagedConnection> managed;

    HandlerConnectionHandle(HandlerManagedConnection managed) {
        this.managed = new AtomicReference<>(managed);
    }

    @Override
    public HandlerResult run(HandlerRequest request) {
        return open().run(request, this);
    }

    @Override
    public HandlerResult run(String handlerName, Map<String, String> inputs, Duration timeout) {
        return run(HandlerRequest.of(handlerName, inputs, timeout));
    }

    @Override
    public HandlerResult run(String handlerName, Map<String, String> inputs) {
        var connection = open();
        return connection.run(HandlerRequest.of(handlerName, inputs, connection.defaultTimeout()), this);
    }

    @Override
    public void close() {
        var connection = managed.getAndSet(null);
        if (connection != null) {
            connection.closed(this);
        }
    }

    void invalidate() {
        managed.set(null);
    }

    void moveTo(HandlerManagedConnection target) {
        var previous = managed.getAndSet(target);
        if (previous != null && previous != target) {
            previous.detach(this);
        }
        target.attach(this);
    }

    private HandlerManagedConnection open() {
        var connection = managed.get();
        if (connection == null) {
            throw new IllegalStateException("This handler connection is closed");
        }
        return connection;
    }
}
