package org.ipaserver.handler.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * Stands in for the server's pool where there is none (plain Java, tests): a fresh managed
 * connection per handle, destroyed when the handle is closed.
 */
class UnpooledConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        var managed = factory.createManagedConnection(null, info);
        managed.addConnectionEventListener(new DestroyWhenDone(managed));
        return managed.getConnection(null, info);
    }

    private record DestroyWhenDone(ManagedConnection managed) implements ConnectionEventListener {

        @Override
        public void connectionClosed(ConnectionEvent event) {
            destroy();
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            destroy();
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

        private void destroy() {
            try {
                managed.destroy();
            } catch (ResourceException e) {
                throw new IllegalStateException("Could not destroy a handler connection", e);
            }
        }
    }
}
