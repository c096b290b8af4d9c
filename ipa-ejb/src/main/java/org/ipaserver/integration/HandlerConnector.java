package org.ipaserver.integration;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.ipaserver.handler.HandlerConnectionFactory;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;

/**
 * Runs handlers through the handler connector bundled in the EAR. An administrator's connector
 * resource {@code eis/ipaHandlers} (its pool size and HandlersDirectory set in the admin console
 * or with asadmin; ./ipa start makes one) is used where the server has it, else the application's
 * own connection factory declared here. The declaration sits on an EJB-module class because on a
 * WAR class Open Liberty does not pick it up.
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
    /** The server's connector resource for the bundled adapter, when an administrator made one. */
    public static final String SERVER_CONNECTION_FACTORY = "eis/ipaHandlers";

    @Resource(lookup = CONNECTION_FACTORY)
    HandlerConnectionFactory applicationConnections;
    private HandlerConnectionFactory connections;

    /**
     * Runs one handler on a connection whose worker already runs it where the pool has one; the
     * connection goes back to the pool before the result is returned.
     */
    public HandlerResult run(HandlerRequest request) {
        try (var connection = connections().getConnection(request.handlerName())) {
            return connection.run(request);
        }
    }

    private HandlerConnectionFactory connections() {
        if (connections == null) {
            try {
                connections = InitialContext.doLookup(SERVER_CONNECTION_FACTORY);
            } catch (NamingException | ClassCastException e) {
                connections = applicationConnections;
            }
        }
        return connections;
    }
}
