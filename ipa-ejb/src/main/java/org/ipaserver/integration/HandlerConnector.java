package org.ipaserver.integration;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport;
import org.ipaserver.handler.HandlerConnectionFactory;
import org.ipaserver.handler.HandlerRequest;
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
     * Runs one handler on a connection whose worker already runs it where the pool has one; the
     * connection goes back to the pool before the result is returned.
     */
    public HandlerResult run(HandlerRequest request) {
        try (var connection = connections.getConnection(request.handlerName())) {
            return connection.run(request);
        }
    }
}
