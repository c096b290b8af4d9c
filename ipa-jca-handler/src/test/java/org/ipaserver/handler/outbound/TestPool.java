package org.ipaserver.handler.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an application server's pool does with our connections, in small: idle connections are
 * matched by request info, closed handles hand theirs back, connection errors destroy theirs.
 */
final class TestPool implements ConnectionManager, ConnectionEventListener {

    private static final long serialVersionUID = 1L;

    private final Set<ManagedConnection> idle = new LinkedHashSet<>();
    private final Set<ManagedConnection> all = new LinkedHashSet<>();
    final List<ConnectionEvent> errors = new ArrayList<>();

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        var managed = idle.isEmpty() ? null : factory.matchManagedConnections(new HashSet<>(idle), null, info);
        if (managed == null) {
            managed = factory.createManagedConnection(null, info);
            managed.addConnectionEventListener(this);
            all.add(managed);
        } else {
            idle.remove(managed);
        }
        return managed.getConnection(null, info);
    }

    synchronized int size() {
        return all.size();
    }

    synchronized void destroyAll() throws ResourceException {
        for (var managed : all) {
            managed.destroy();
        }
        all.clear();
        idle.clear();
    }

    @Override
    public synchronized void connectionClosed(ConnectionEvent event) {
        var managed = (ManagedConnection) event.getSource();
        try {
            managed.cleanup();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
        idle.add(managed);
    }

    @Override
    public synchronized void connectionErrorOccurred(ConnectionEvent event) {
        errors.add(event);
        var managed = (ManagedConnection) event.getSource();
        all.remove(managed);
        idle.remove(managed);
        try {
            managed.destroy();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
    }
}
