package org.ipaserver.handler;

import java.util.Collection;

/** No handler of that name is installed; the message lists those that are. */
public class UnknownHandlerException extends HandlerException {

    private final String handlerName;

    public UnknownHandlerException(String handlerName, Collection<String> known) {
        super("No handler named '" + handlerName + "' is installed (installed: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        this.handlerName = handlerName;
    }

    public String handlerName() {
        return handlerName;
    }
}
