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
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import org.ipaserver.handler.HandlerConnection;
import org.ipaserver.handler.HandlerConnectionFactory;
import org.ipaserver.handler.worker.WorkerDirectory;
import org.ipaserver.handler.worker.WorkerSlot;

/**
 * One configured connection factory. The server keys its pools by this object, so equality
 * follows the configuration. Its managed connections differ only in the worker they hold, which
 * is what matching looks at.
 */
@ConnectionDefinition(
        connectionFactory = HandlerConnectionFactory.class,
        connectionFactoryImpl = AllocatingConnectionFactory.class,
        connection = HandlerConnection.class,
        connectionImpl = HandlerConnectionHandle.class)
public class HandlerManagedConnectionFactory implements ManagedConnectionFactory, ValidatingManagedConnectionFactory,
        ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HandlerManagedConnectionFactory.class.getName());

    @ConfigProperty(defaultValue = "30",
            description = "Seconds a handler may run when the caller gives no timeout; 0 = unlimited")
    private Integer defaultTimeoutSeconds = 30;

    @ConfigProperty(defaultValue = "",
            description = "Folder of handler programs (handler X is the executable file <folder>/X); empty = the"
                    + " system property or environment variable ipa.handlers.dir, else Java handlers only")
    private String handlersDirectory = "";

    // Live server state, not configuration: the server associates the adapter again when needed.
    private transient HandlerResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient volatile WorkerDirectory workerDirectory;

    public Integer getDefaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }

    public void setDefaultTimeoutSeconds(Integer seconds) {
        if (seconds == null || seconds < 0) {
            throw new IllegalArgumentException("DefaultTimeoutSeconds must be 0 (unlimited) or more, got " + seconds);
        }
        this.defaultTimeoutSeconds = seconds;
    }

    public String getHandlersDirectory() {
        return handlersDirectory;
    }

    public void setHandlersDirectory(String folder) {
        this.handlersDirectory = folder == null ? "" : folder.trim();
        this.workerDirectory = null;
    }

    /** Resolved on first use, so that the start-up log says once where worker handlers come from. */
    WorkerDirectory workerDirectory() {
        var current = workerDirectory;
        if (current == null) {
            current = WorkerDirectory.resolve(handlersDirectory);
            workerDirectory = current;
            describe(current);
        }
        return current;
    }

    private void describe(WorkerDirectory directory) {
        if (directory.folder() == null) {
            LOG.info("IPA handler connector: no handlers directory (HandlersDirectory or " + WorkerDirectory.PROPERTY
                    + "), Java handlers only");
            return;
        }
        if (!Files.isDirectory(directory.folder())) {
            LOG.warning(() -> "IPA handler connector: the handlers directory " + directory.folder()
                    + " does not exist (yet); handler programs put there later are found when called");
            return;
        }
        var names = directory.names();
        LOG.info(() -> "IPA handler connector: worker handlers from " + directory.folder() + ": " + names);
        var runner = adapter().runner();
        names.stream().filter(runner::runs).forEach(name -> LOG.warning(() -> "Handler program '" + name + "' in "
                + directory.folder() + " is not used: the Java handler of that name takes precedence"));
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
        var adapter = adapter();
        return new HandlerManagedConnection(this, adapter.runner(),
                new WorkerSlot(workerDirectory(), adapter.launcher(), wantedHandler(info)));
    }

    /**
     * For a handler: one whose worker runs it and is ready, else one meant for it, else one with
     * no worker; none otherwise, so that the pool makes one rather than stop another handler's
     * worker. Without a handler (Java handlers): preferably one without worker, else any of ours.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        var wanted = wantedHandler(info);
        HandlerManagedConnection best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Object candidate : candidates) {
            if (candidate instanceof HandlerManagedConnection connection && connection.createdBy(this)) {
                int rank = rank(connection, wanted);
                if (rank == 0) {
                    return connection;
                }
                if (rank < bestRank) {
                    best = connection;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    /**
     * Idle connections whose worker ended or wrote out of turn (when the pool validates). Their
     * next call would replace the worker anyway; this lets the pool drop them sooner.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) {
        var invalid = new HashSet<>();
        for (Object candidate : connections) {
            if (candidate instanceof HandlerManagedConnection connection && connection.hasBrokenWorker()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    private static int rank(HandlerManagedConnection connection, String wanted) {
        var held = connection.handlerName();
        if (wanted == null) {
            return held == null ? 0 : 1;
        }
        if (wanted.equals(held)) {
            return connection.hasReadyWorker() ? 0 : 1;
        }
        return held == null ? 2 : Integer.MAX_VALUE;
    }

    private static String wantedHandler(ConnectionRequestInfo info) {
        return info instanceof HandlerRequestInfo request ? request.handlerName() : null;
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
                && Objects.equals(defaultTimeoutSeconds, ((HandlerManagedConnectionFactory) other).defaultTimeoutSeconds)
                && Objects.equals(handlersDirectory, ((HandlerManagedConnectionFactory) other).handlersDirectory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultTimeoutSeconds, handlersDirectory);
    }
}
