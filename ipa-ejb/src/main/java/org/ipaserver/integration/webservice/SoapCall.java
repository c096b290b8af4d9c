package org.ipaserver.integration.webservice;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.ipaserver.action.CallResult;
import org.ipaserver.action.WsdlContract;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.flow.CallRequest;
import org.w3c.dom.Element;

/**
 * One SOAP 1.1 or 1.2 call: the envelope built with DOM from the WSDL's request element and the
 * evaluated elements, posted over the same client as REST calls (timeout, TLS trust, answer
 * limit, Idempotency-Key); a fault takes the failure exit with faultCode and faultString.
 */
final class SoapCall {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    private final Transport transport;
    /** WSDLs read once per server run: a call does not fetch its contract again. */
    private final Map<String, WsdlContract> contracts = new ConcurrentHashMap<>();

    SoapCall(Transport transport) {
        this.transport = transport;
    }

    CallResult call(CallRequest request, ActionDef.CallWebService action, Duration timeout) {
        var soap = action.soap();
        WsdlContract.Operation operation;
        try {
            var contract = contracts.get(soap.wsdl());
            if (contract == null) {
                contract = WsdlContract.read(soap.wsdl(), transport.ssl().getSocketFactory());
                contracts.put(soap.wsdl(), contract);
            }
            operation = contract.operation(soap);
        } catch (javax.net.ssl.SSLException e) {
            return CallResult.failure("cannot read the WSDL of operation '" + soap.operation() + "': the TLS "
                    + "connection failed: " + e.getMessage());
        } catch (IOException e) {
            throw new org.ipaserver.job.CallUnavailable("cannot read the WSDL of operation '" + soap.operation()
                    + "': " + e.getMessage());
        } catch (WsdlContract.Mismatch e) {
            return CallResult.failure("the WSDL no longer fits the action: " + e.getMessage());
        }
        var uri = URI.create(operation.address());
        var host = uri.getHost();
        var v12 = soap.version().equals("1.2");
        var deadline = System.nanoTime() + timeout.toNanos();
        var client = transport.open(timeout);
        try {
            var builder = client.target(uri).request().header("Idempotency-Key", request.idempotencyKey());
            var type = v12 ? "application/soap+xml; charset=utf-8" + (operation.soapAction().isEmpty() ? ""
                    : "; action=\"" + operation.soapAction() + "\"") : "text/xml; charset=utf-8";
            if (!v12) {
                builder.header("SOAPAction", "\"" + operation.soapAction() + "\"");
            }
            try (var response = builder.post(Entity.entity(envelope(operation, request, v12), MediaType.valueOf(type)))) {
                return answer(response, action, host, v12, deadline);
            }
        } catch (ProcessingException | IOException e) {
            return Transport.failed(e, host, timeout);
        } finally {
            client.close();
        }
    }

    private CallResult answer(Response response, ActionDef.CallWebService action, String host, boolean v12,
                              long deadline) throws IOException {
        var status = response.getStatus();
        var outputs = new LinkedHashMap<String, String>();
        outputs.put("status", String.valueOf(status));
        var reason = response.getStatusInfo().getReasonPhrase();
        if (reason != null) {
            outputs.put("message", reason);
        }
        if ((status < 200 || status > 299) && status != 500) { // SOAP sends its faults with 500
            return new CallResult(StatusExits.exit(status, action.exits().keySet()), outputs, host + " answered "
                    + status + (reason == null ? "" : " " + reason));
        }
        byte[] bytes;
        try {
            bytes = transport.body(response, host, deadline);
        } catch (Transport.AnswerTooLarge e) {
            return CallResult.failure(e.getMessage());
        }
        Element body;
        try {
            body = child(WsdlContract.parse(bytes).getDocumentElement(), v12 ? SOAP12 : SOAP11, "Body");
        } catch (IOException e) {
            return CallResult.failure("the answer of " + host + " is not well-formed XML");
        }
        if (body == null) {
            return CallResult.failure("the answer of " + host + " is not a SOAP " + (v12 ? "1.2" : "1.1") + " envelope");
        }
        var fault = child(body, v12 ? SOAP12 : SOAP11, "Fault");
        if (fault != null) {
            outputs.put("faultCode", v12 ? text(fault, "Code", "Value") : text(fault, "faultcode"));
            outputs.put("faultString", v12 ? text(fault, "Reason", "Text") : text(fault, "faultstring"));
            return new CallResult(CallResult.FAILURE, outputs, host + " answered a SOAP fault");
        }
        if (status == 500) {
            return new CallResult(StatusExits.exit(status, action.exits().keySet()), outputs, host + " answered 500 "
                    + "without a SOAP fault");
        }
        var wrapper = firstElement(body);
        for (var name : action.outputs().keySet()) {
            if (outputs.containsKey(name) || name.equals("faultCode") || name.equals("faultString")) {
                continue;
            }
            var found = wrapper == null ? null : wrapper.getElementsByTagNameNS("*", name);
            if (found == null || found.getLength() == 0) {
                return CallResult.failure("the answer of " + host + " has no element '" + name + "'");
            }
            outputs.put(name, found.item(0).getTextContent().strip());
        }
        return new CallResult(CallResult.SUCCESS, outputs, null);
    }

    private static byte[] envelope(WsdlContract.Operation operation, CallRequest request, boolean v12) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().newDocument();
            var ns = v12 ? SOAP12 : SOAP11;
            var envelope = document.createElementNS(ns, "soap:Envelope");
            document.appendChild(envelope);
            var body = document.createElementNS(ns, "soap:Body");
            envelope.appendChild(body);
            var wrapper = document.createElementNS(operation.request().getNamespaceURI(), "op:"
                    + operation.request().getLocalPart());
            body.appendChild(wrapper);
            for (var name : operation.requestChildren()) {
                var key = "soap.elements." + name;
                if (!request.inputs().containsKey(key)) {
                    continue;
                }
                var child = operation.qualified() ? document.createElementNS(operation.request().getNamespaceURI(),
                        "op:" + name) : document.createElementNS(null, name);
                child.setTextContent(TypedValues.asText(request.inputs().get(key)));
                wrapper.appendChild(child);
            }
            var out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot build a SOAP envelope", e);
        }
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localName.equals(e.getLocalName())
                    && (namespace == null || namespace.equals(e.getNamespaceURI()))) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** The text of a fault's member (1.1 members are unqualified, 1.2 ones in the envelope namespace). */
    private static String text(Element fault, String... path) {
        Element at = fault;
        for (var name : path) {
            at = at == null ? null : child(at, null, name);
        }
        return at == null ? "" : at.getTextContent().strip();
    }
}
