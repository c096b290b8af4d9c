package org.ipaserver.handler.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.ipaserver.handler.HandlerConnection;
import org.ipaserver.handler.HandlerConnectionFactory;

/**
 * One configured connection factory. The server keys its pools by this object, so equality
 * follows the configuration; every managed connection it makes is interchangeable.
 */
@ConnectionDefinition(
        connectionFactory = HandlerConnectionFactory.class,
        connectionFactoryImpl = AllocatingConnectionFactory.class,
        connection = HandlerConnection.class,
        connectionImpl = HandlerConnectionHandle.class)
public class HandlerManagedConnectionFactory
        implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(defaultValue = "30",
            description = "Seconds a handler may run when the caller gives no timeout; 0 = unlimited")
    private Integer defaultTimeoutSeconds = 30;

    // Live server state, not configuration: the server associates the adapter again when needed.
    private transient HandlerResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    public Integer getDefaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }

    public void setDefaultTimeoutSeconds(Integer seconds) {
        if (seconds == null || seconds < 0) {
            throw new IllegalArgumentException("DefaultTimeoutSeconds must be 0 (unlimited) or more, got " + seconds);
        }
        this.defaultTimeoutSeconds = seconds;
    }

    Duration defaultTimeout() {
        return Duration.ofSeconds(defaultTimeoutSeconds);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new AllocatingConnectionFactory(this, connectionManager);
    }

    /** Outside a server: no pool, each connection lives as long as its handle. */
    @Override
    public Object createConnectionFactory() {
        return new AllocatingConnectionFactory(this, new UnpooledConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new HandlerManagedConnection(this, adapter().runner());
    }

    /** Connections carry no per-user or per-request state, so any of ours will do. */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof HandlerManagedConnection connection && connection.createdBy(this)) {
                return connection;
            }
        }
        return null;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        if (!(adapter instanceof HandlerResourceAdapter handlerAdapter)) {
            throw new ResourceException("Not the IPA handler resource adapter: " + adapter);
        }
        this.resourceAdapter = handlerAdapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    private HandlerResourceAdapter adapter() {
        if (resourceAdapter == null) {
            throw new IllegalStateException("No resource adapter is associated with this connection factory");
        }
        return resourceAdapter;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && Objects.equals(defaultTimeoutSeconds, ((HandlerManagedConnectionFactory) other).defaultTimeoutSeconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultTimeoutSeconds);
    }
}
