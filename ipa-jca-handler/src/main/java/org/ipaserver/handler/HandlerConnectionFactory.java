package org.ipaserver.handler;

/**
 * Looked up by JNDI (the application declares it as {@code java:app/eis/ipaHandlers}). Each
 * connection is meant for one try-with-resources block: closing it hands it back to the pool.
 */
public interface HandlerConnectionFactory {

    /** @throws HandlerException when the server cannot hand out a connection */
    HandlerConnection getConnection();

    /**
     * A connection meant for the named handler: the pool prefers one whose worker process already
     * runs that handler (a connection can still run any handler).
     *
     * @throws HandlerException when the server cannot hand out a connection
     */
    default HandlerConnection getConnection(String handlerName) {
        return getConnection();
    }
}
