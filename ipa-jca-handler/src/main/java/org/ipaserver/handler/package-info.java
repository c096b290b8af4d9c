/**
 * What applications see of the handler connector: the connection factory they look up, the
 * connection that runs a handler, its result and failures.
 */
package org.ipaserver.handler;
