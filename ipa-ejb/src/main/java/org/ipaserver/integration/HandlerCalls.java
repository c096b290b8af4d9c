package org.ipaserver.integration;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ipaserver.action.CallResult;
import org.ipaserver.admin.ServerParameters;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.handler.HandlerException;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerTimeoutException;
import org.ipaserver.handler.UnknownHandlerException;
import org.ipaserver.job.ExternalCall;

/**
 * RunHandler calls through the handler connector: inputs go as text with the call's ID and
 * idempotency key, the handler's answer names the exit. An action without a timeout waits
 * PAS_HandlerResponseTimeout (0: without limit). A handler's message may quote values: it goes to
 * the flow's step history as the handler wrote it, never to the log.
 */
@ApplicationScoped
public class HandlerCalls implements ExternalCall {

    @EJB
    HandlerConnector connector;
    @Inject
    ServerParameters parameters;

    @Override
    public String actionType() {
        return "RunHandler";
    }

    @Override
    public CallResult call(CallRequest request) {
        var action = (ActionDef.RunHandler) request.action();
        var timeout = request.timeout() != null ? request.timeout() : parameters.handlerResponseTimeout();
        try {
            var result = connector.run(new HandlerRequest(action.handler(), texts(request), timeout,
                    request.flowId() + "/" + request.number(), request.idempotencyKey()));
            return new CallResult(result.exitPath(), result.outputs(),
                    result.message() == null || result.message().isEmpty() ? null : result.message());
        } catch (HandlerTimeoutException e) {
            return CallResult.timeout("handler '" + action.handler() + "' did not answer within " + timeout);
        } catch (UnknownHandlerException e) {
            return CallResult.failure("no handler named '" + action.handler() + "'");
        } catch (HandlerException e) {
            return CallResult.failure(e.getMessage());
        }
    }

    static Map<String, String> texts(CallRequest request) {
        var texts = new LinkedHashMap<String, String>();
        request.inputs().forEach((name, value) -> texts.put(name, TypedValues.asText(value)));
        return texts;
    }
}
