package org.ipaserver.handler.spi;

import java.util.Map;
import org.ipaserver.handler.HandlerResult;

/** Answers its inputs as outputs: proves the connector path end to end without side effects. */
public class EchoHandler implements Handler {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public HandlerResult run(Map<String, String> inputs) {
        return HandlerResult.success(inputs);
    }
}
