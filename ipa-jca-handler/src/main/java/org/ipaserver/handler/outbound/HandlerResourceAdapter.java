package org.ipaserver.handler.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * Finds the installed handlers when the server starts the adapter and runs them on the server's
 * WorkManager. Outbound only: nothing flows from handlers into the server.
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

    @Override
    public void start(BootstrapContext context) {
        // The adapter's own loader sees the RAR's jars (and the EAR's lib/ when bundled there).
        var registry = HandlerRegistry.discover(HandlerResourceAdapter.class.getClassLoader());
        start(new HandlerRunner(registry, new WorkManagerExecutor(context.getWorkManager())));
        LOG.info(() -> "IPA handler connector started; handlers: " + registry.names());
    }

    /** Starts without a server, for tests. */
    void start(HandlerRunner runner) {
        this.runner = runner;
    }

    @Override
    public void stop() {
        runner = null;
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
