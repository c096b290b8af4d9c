package org.ipaserver.definition;

import java.util.List;
import java.util.Map;

/** Checks a SOAP call against its WSDL, read when the definition is published. */
final class WsdlChecks {

    private final List<Problem> problems;

    WsdlChecks(List<Problem> problems) {
        this.problems = problems;
    }

    void check(WebServiceRequest.Soap soap, Map<String, String> outputs, String path) {
    }
}
