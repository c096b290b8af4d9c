package org.ipaserver.integration;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport;
import java.time.Duration;
import java.util.Map;
import org.ipaserver.handler.HandlerConnectionFactory;
import org.ipaserver.handler.HandlerResult;

/**
 * Declares the application's connection factory on the handler connector bundled in the EAR,
 * and runs handlers through it. The declaration sits on an EJB-module class because on a WAR
 * class Open Liberty does not pick it up.
 */
@ConnectionFactoryDefinition(
        name = HandlerConnector.CONNECTION_FACTORY,
        description = "Runs handlers for RunHandler actions",
        interfaceName = "org.ipaserver.handler.HandlerConnectionFactory",
        resourceAdapter = "#ipa-jca-handler",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // a handler call holds no transaction
public class HandlerConnector {

    public static final String CONNECTION_FACTORY = "java:app/eis/ipaHandlers";

    @Resource(lookup = CONNECTION_FACTORY)
    HandlerConnectionFactory connections;

    /**
     * Runs one handler; the connection goes back to the pool before the result is returned.
     *
     * @param timeout {@link Duration#ZERO} waits without limit
     */
    public HandlerResult run(String handlerName, Map<String, String> inputs, Duration timeout) {
        try (var connection = connections.getConnection()) {
            return connection.run(handlerName, inputs, timeout);
        }
    }
}
