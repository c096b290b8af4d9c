package org.ipaserver.handler.spi;

import java.util.Map;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;

/**
 * Answers its inputs as outputs, and the call's idempotency key as the output
 * {@code idempotencyKey}: proves the connector path end to end without side effects.
 */
public class EchoHandler implements Handler {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public HandlerResult run(Map<String, String> inputs) {
        return HandlerResult.success(inputs);
    }

    @Override
    public HandlerResult run(HandlerRequest request) {
        var outputs = new java.util.HashMap<>(request.inputs());
        if (request.idempotencyKey() != null) {
            outputs.put("idempotencyKey", request.idempotencyKey());
        }
        return HandlerResult.success(outputs);
    }
}
