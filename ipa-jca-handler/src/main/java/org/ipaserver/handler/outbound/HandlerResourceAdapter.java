package org.ipaserver.handler.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.ipaserver.handler.worker.WorkerLauncher;

/**
 * Finds the installed Java handlers when the server starts the adapter and runs them on the
 * server's WorkManager, whose threads also read the worker processes' output. Outbound only:
 * nothing flows from handlers into the server.
 */
@Connector(
        displayName = "IPA Server handlers",
        description = "Runs named handlers (external logic) for the RunHandler action",
        vendorName = "IPA Server",
        eisType = "IPA handlers",
        version = "1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        reauthenticationSupport = false)
public class HandlerResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(HandlerResourceAdapter.class.getName());

    private volatile HandlerRunner runner;
    private volatile WorkerLauncher launcher;

    @Override
    public void start(BootstrapContext context) {
        // The adapter's own loader sees the RAR's jars (and the EAR's lib/ when bundled there).
        var registry = HandlerRegistry.discover(HandlerResourceAdapter.class.getClassLoader());
        start(registry, new WorkManagerExecutor(context.getWorkManager()));
        LOG.info(() -> "IPA handler connector started; Java handlers: " + registry.names());
    }

    /** Starts without a server, for tests: Java handlers and worker readers run on {@code executor}. */
    void start(HandlerRegistry registry, Executor executor) {
        this.runner = new HandlerRunner(registry, executor);
        this.launcher = new WorkerLauncher(executor, WorkerLauncher.DEFAULT_GRACE);
    }

    /** Stops every handler process still running; the pool normally has stopped them already. */
    @Override
    public void stop() {
        var workers = launcher;
        runner = null;
        launcher = null;
        if (workers != null) {
            workers.stopAll();
        }
    }

    WorkerLauncher launcher() {
        var current = launcher;
        if (current == null) {
            throw new IllegalStateException("The IPA handler connector is not started");
        }
        return current;
    }

    HandlerRunner runner() {
        var current = runner;
        if (current == null) {
            throw new IllegalStateException("The IPA handler connector is not started");
        }
        return current;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException("The IPA handler connector has no inbound side");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // Nothing was activated.
    }

    /** No transactions, hence nothing to recover. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }
}
