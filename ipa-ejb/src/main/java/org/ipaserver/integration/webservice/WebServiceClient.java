package org.ipaserver.integration.webservice;

import java.util.Optional;
import org.ipaserver.action.CallResult;
import org.ipaserver.action.WsdlContract;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.flow.CallRequest;

/** Makes CallWebService calls with the server's settings; plain Java, so tests make real calls with it. */
public final class WebServiceClient {

    private final WebServiceSettings settings;
    private final String trustProblem;
    private final RestCall rest;
    private final SoapCall soap;
    private final Transport transport;

    public WebServiceClient(WebServiceSettings settings) {
        this.settings = settings;
        Transport transport;
        String problem = null;
        try {
            transport = new Transport(TrustBundle.sslContext(settings.caBundle()), settings.maxAnswerBytes());
        } catch (TrustBundle.InvalidBundle e) {
            problem = e.getMessage();
            transport = null;
        }
        this.trustProblem = problem;
        this.rest = transport == null ? null : new RestCall(transport);
        this.soap = transport == null ? null : new SoapCall(transport);
        this.transport = transport;
    }

    /** Publishing reads WSDLs with the same trust as the calls. */
    public void trustWhenPublishing() {
        if (transport != null) {
            WsdlContract.trustWhenPublishing(transport.ssl().getSocketFactory());
        }
    }

    /** Why no call can be made (a malformed CA bundle), if so. */
    public Optional<String> trustProblem() {
        return Optional.ofNullable(trustProblem);
    }

    public CallResult call(CallRequest request) {
        if (trustProblem != null) {
            return CallResult.failure(trustProblem);
        }
        var action = (ActionDef.CallWebService) request.action();
        var timeout = request.timeout() != null ? request.timeout() : settings.defaultTimeout();
        return action.rest() != null ? rest.call(request, action, timeout) : soap.call(request, action, timeout);
    }
}
