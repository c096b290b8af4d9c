/**
 * The resource adapter behind the handler API: the JCA outbound contracts (pooling through the
 * server's ConnectionManager, no transactions) and the running of handlers on the server's
 * WorkManager under a timeout.
 */
package org.ipaserver.handler.outbound;
