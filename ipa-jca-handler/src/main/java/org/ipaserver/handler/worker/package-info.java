/**
 * Handler programs in any language, run as long-lived worker processes that answer one JSON line
 * per request line on their standard input and output (the protocol is in docs/handlers.md).
 */
package org.ipaserver.handler.worker;
