package org.ipaserver.handler.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

/** Which handler a connection is wanted for, so that the pool can hand out one whose worker runs it. */
record HandlerRequestInfo(String handlerName) implements ConnectionRequestInfo {
}
