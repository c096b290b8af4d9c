package org.ipaserver.handler.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.ipaserver.handler.HandlerException;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;
import org.ipaserver.handler.UnknownHandlerException;
import org.ipaserver.handler.worker.WorkerDirectory;
import org.ipaserver.handler.worker.WorkerSlot;

/**
 * A pooled connection: at most one live worker process (the pool's size is the number of
 * workers). Java handlers run in this JVM and need nothing of it. It keeps the contract with the
 * pool: closing a handle tells the listeners the connection can go back to the pool, and a worker
 * that failed a call (timeout, exit, broken protocol) is reported as a connection error, so that
 * the pool destroys this connection and makes a fresh one.
 */
public class HandlerManagedConnection implements ManagedConnection {

    private final HandlerManagedConnectionFactory factory;
    private final HandlerRunner runner;
    private final WorkerSlot slot;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<HandlerConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile PrintWriter logWriter;

    /** For Java handlers only. */
    HandlerManagedConnection(HandlerManagedConnectionFactory factory, HandlerRunner runner) {
        this(factory, runner, new WorkerSlot(WorkerDirectory.none(), null, null));
    }

    HandlerManagedConnection(HandlerManagedConnectionFactory factory, HandlerRunner runner, WorkerSlot slot) {
        this.factory = factory;
        this.runner = runner;
        this.slot = slot;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        var handle = new HandlerConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof HandlerConnectionHandle handle)) {
            throw new ResourceException("Not a handler connection: " + connection);
        }
        handle.moveTo(this);
    }

    /** Back to the pool: handles the application still holds stop working, without events. */
    @Override
    public void cleanup() {
        handles.forEach(HandlerConnectionHandle::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        listeners.clear();
        slot.stop();
    }

    /** A Java handler of that name runs in this JVM; otherwise the handlers directory's program runs in our worker. */
    HandlerResult run(HandlerRequest request, HandlerConnectionHandle handle) {
        var name = request.handlerName();
        if (runner.runs(name)) {
            return runner.run(request);
        }
        if (!slot.offers(name)) {
            var known = new TreeSet<>(runner.registry().names());
            known.addAll(slot.names());
            throw new UnknownHandlerException(name, known);
        }
        try {
            return slot.call(request);
        } catch (HandlerException e) {
            // The worker is stopped: the pool should replace this connection.
            connectionError(handle, e);
            throw e;
        }
    }

    private void connectionError(HandlerConnectionHandle handle, Exception cause) {
        var event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, cause);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionErrorOccurred(event));
    }

    String handlerName() {
        return slot.handlerName();
    }

    boolean hasReadyWorker() {
        return slot.hasReadyWorker();
    }

    boolean hasBrokenWorker() {
        return slot.hasBrokenWorker();
    }

    Duration defaultTimeout() {
        return factory.defaultTimeout();
    }

    void attach(HandlerConnectionHandle handle) {
        handles.add(handle);
    }

    void detach(HandlerConnectionHandle handle) {
        handles.remove(handle);
    }

    void closed(HandlerConnectionHandle handle) {
        handles.remove(handle);
        var event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    boolean createdBy(ManagedConnectionFactory candidate) {
        return factory.equals(candidate);
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Handlers run without transactions");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Handlers run without transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new MetaData();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    private static final class MetaData implements ManagedConnectionMetaData {

        @Override
        public String getEISProductName() {
            return "IPA Server handlers";
        }

        @Override
        public String getEISProductVersion() {
            return "1.0";
        }

        /** No limit of our own; the pool sets one. */
        @Override
        public int getMaxConnections() {
            return 0;
        }

        @Override
        public String getUserName() {
            return "";
        }
    }
}
