package org.ipaserver.handler;

/**
 * Looked up by JNDI (the application declares it as {@code java:app/eis/ipaHandlers}). Each
 * connection is meant for one try-with-resources block: closing it hands it back to the pool.
 */
public interface HandlerConnectionFactory {

    /** @throws HandlerException when the server cannot hand out a connection */
    HandlerConnection getConnection();
}
