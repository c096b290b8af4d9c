package org.ipaserver.handler;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import javax.transaction.xa.XAResource;

/**
 * Payara refuses a resource adapter module without a descriptor or a {@code @Connector} class
 * ("Unable to get active RA"). This empty adapter keeps the skeleton EAR deployable; delete it
 * when the real adapter arrives (a RAR may have only one {@code @Connector} class).
 */
@Connector
public class PlaceholderResourceAdapter implements ResourceAdapter {

    @Override
    public void start(BootstrapContext context) {
    }

    @Override
    public void stop() {
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlaceholderResourceAdapter;
    }

    @Override
    public int hashCode() {
        return PlaceholderResourceAdapter.class.hashCode();
    }
}
