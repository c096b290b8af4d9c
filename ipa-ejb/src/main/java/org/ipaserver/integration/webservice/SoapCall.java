package org.ipaserver.integration.webservice;

import java.time.Duration;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.CallResult;

final class SoapCall {

    private final Transport transport;

    SoapCall(Transport transport) {
        this.transport = transport;
    }

    CallResult call(CallRequest request, ActionDef.CallWebService action, Duration timeout) {
        return CallResult.failure("SOAP calls are not made yet");
    }
}
