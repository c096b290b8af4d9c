package org.ipaserver.handler.outbound;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.ipaserver.handler.HandlerConnection;
import org.ipaserver.handler.HandlerConnectionFactory;
import org.ipaserver.handler.HandlerException;

/**
 * The factory bound in JNDI. Every connection comes from the server's ConnectionManager, which
 * pools managed connections; Referenceable and Serializable so that JNDI can bind it.
 */
public class AllocatingConnectionFactory implements HandlerConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final HandlerManagedConnectionFactory managedFactory;
    private final ConnectionManager connectionManager;
    private Reference reference;

    AllocatingConnectionFactory(HandlerManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public HandlerConnection getConnection() {
        try {
            return (HandlerConnection) connectionManager.allocateConnection(managedFactory, null);
        } catch (ResourceException e) {
            throw new HandlerException("No handler connection available: " + e.getMessage(), e);
        }
    }

    @Override
    public HandlerConnection getConnection(String handlerName) {
        try {
            return (HandlerConnection) connectionManager.allocateConnection(managedFactory, new HandlerRequestInfo(handlerName));
        } catch (ResourceException e) {
            throw new HandlerException("No handler connection available: " + e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
