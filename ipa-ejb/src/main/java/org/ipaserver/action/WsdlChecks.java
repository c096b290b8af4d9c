package org.ipaserver.action;

import java.io.IOException;
import java.util.Map;
import org.ipaserver.definition.WebServiceRequest;

/**
 * Checks a SOAP call against its WSDL, read when the definition is published: the service, port
 * and operation exist, and every element given or mapped is one the operation has.
 */
final class WsdlChecks {

    private final ActionCheck check;

    WsdlChecks(ActionCheck check) {
        this.check = check;
    }

    void check(WebServiceRequest.Soap soap, Map<String, String> outputs, String path) {
        if (soap.wsdl() == null || soap.operation() == null) {
            return;
        }
        if (soap.wsdl().contains("${") || soap.wsdl().contains("#{")) {
            error(path + ".soap.wsdl", "the WSDL address is literal: it is read when the definition is published");
            return;
        }
        WsdlContract.Operation operation;
        try {
            operation = WsdlContract.read(soap.wsdl()).operation(soap);
        } catch (IOException | IllegalArgumentException e) {
            error(path + ".soap.wsdl", "cannot read the WSDL: " + e.getMessage());
            return;
        } catch (WsdlContract.Mismatch e) {
            error(path + ".soap." + e.member, e.getMessage());
            return;
        }
        soap.elements().keySet().stream().filter(e -> !operation.requestChildren().contains(e))
                .forEach(e -> error(path + ".soap.elements." + e, "operation '" + soap.operation()
                        + "' has no input element '" + e + "' (it has: " + String.join(", ",
                        operation.requestChildren()) + ")"));
        outputs.keySet().stream().filter(o -> !operation.responseChildren().contains(o)
                        && !WebServiceChecks.CALL_OUTPUTS.contains(o) && !WebServiceChecks.FAULT_OUTPUTS.contains(o))
                .forEach(o -> error(path + ".outputs." + o, "operation '" + soap.operation()
                        + "' has no output element '" + o + "' (it has: " + String.join(", ",
                        operation.responseChildren()) + "; every call has status, message, faultCode, faultString)"));
    }

    private void error(String path, String message) {
        check.error(path, message);
    }
}
