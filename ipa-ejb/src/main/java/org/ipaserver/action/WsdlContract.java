package org.ipaserver.action;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ipaserver.definition.WebServiceRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * What a SOAP call needs from a WSDL 1.1 document, read with the JDK's DOM (the platform has no
 * WSDL API): the endpoint, the SOAP action, the request element and its children, the response
 * element's children. Document/literal (wrapped) and rpc/literal operations.
 */
public final class WsdlContract {

    /** The WSDL cannot serve the call; the message says what is missing and what there is. */
    public static final class Mismatch extends Exception {
        final String member;

        Mismatch(String member, String message) {
            super(message);
            this.member = member;
        }
    }

    /** One operation as called: children are local names; qualified: children in the wrapper's namespace. */
    public record Operation(String address, String soapAction, QName request, List<String> requestChildren,
                            boolean qualified, List<String> responseChildren) {
    }

    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final int MAX_WSDL_BYTES = 5 * 1024 * 1024;

    /**
     * The TLS trust for reading WSDLs when publishing: the definition core has no configuration,
     * so the web service calls hand it theirs (JVM roots plus the operator's bundle) at start.
     */
    private static volatile SSLSocketFactory publishTrust;

    private final Document document;

    private WsdlContract(Document document) {
        this.document = document;
    }

    public static void trustWhenPublishing(SSLSocketFactory trust) {
        publishTrust = trust;
    }

    static WsdlContract read(String address) throws IOException {
        return read(address, publishTrust);
    }

    /** Reads a WSDL from an http(s) address; the message of the exception names the problem. */
    public static WsdlContract read(String address, SSLSocketFactory trust) throws IOException {
        var uri = URI.create(address);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IOException("the WSDL address must be http:// or https://");
        }
        var connection = (HttpURLConnection) uri.toURL().openConnection();
        if (trust != null && connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(trust);
        }
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        try (var in = connection.getInputStream()) {
            var bytes = in.readNBytes(MAX_WSDL_BYTES + 1);
            if (bytes.length > MAX_WSDL_BYTES) {
                throw new IOException("the WSDL is larger than " + MAX_WSDL_BYTES + " bytes");
            }
            return of(bytes);
        } finally {
            connection.disconnect();
        }
    }

    static WsdlContract of(byte[] xml) throws IOException {
        return new WsdlContract(parse(xml));
    }

    /** Namespace-aware, no DTD (no external entities, no entity expansion). */
    public static Document parse(byte[] xml) throws IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public Operation operation(WebServiceRequest.Soap soap) throws Mismatch {
        var root = document.getDocumentElement();
        if (!WSDL.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            throw new Mismatch("wsdl", "not a WSDL 1.1 document");
        }
        var bindingNs = soap.version().equals("1.2") ? "http://schemas.xmlsoap.org/wsdl/soap12/"
                : "http://schemas.xmlsoap.org/wsdl/soap/";
        var service = named(root, "service", soap.service(), "service", e -> true);
        var port = named(service, "port", soap.port(), "port",
                e -> first(e, bindingNs, "address").isPresent());
        var address = first(port, bindingNs, "address").orElseThrow(() -> new Mismatch("port", "port '"
                + port.getAttribute("name") + "' has no SOAP " + soap.version() + " address")).getAttribute("location");
        var binding = named(root, "binding", local(port.getAttribute("binding")), "binding", e -> true);
        var style = first(binding, bindingNs, "binding").map(b -> b.getAttribute("style")).orElse("");
        var boundOperation = named(binding, "operation", soap.operation(), "operation", e -> true);
        var soapOperation = first(boundOperation, bindingNs, "operation");
        var action = soapOperation.map(o -> o.getAttribute("soapAction")).orElse("");
        if (soapOperation.isPresent() && !soapOperation.get().getAttribute("style").isEmpty()) {
            style = soapOperation.get().getAttribute("style");
        }
        var portType = named(root, "portType", local(binding.getAttribute("type")), "binding", e -> true);
        var operation = named(portType, "operation", soap.operation(), "operation", e -> true);
        var input = message(root, operation, "input");
        var output = message(root, operation, "output");
        if (style.equals("rpc")) {
            var namespace = first(boundOperation, WSDL, "input").flatMap(i -> first(i, bindingNs, "body"))
                    .map(b -> b.getAttribute("namespace")).filter(n -> !n.isEmpty())
                    .orElse(root.getAttribute("targetNamespace"));
            return new Operation(address, action, new QName(namespace, soap.operation()), partNames(input), false,
                    output == null ? List.of() : partNames(output));
        }
        var request = wrapper(root, input);
        return new Operation(address, action, new QName(request.schema.getAttribute("targetNamespace"),
                request.element.getAttribute("name")), children(root, request), "qualified".equals(
                request.schema.getAttribute("elementFormDefault")),
                output == null ? List.of() : children(root, wrapper(root, output)));
    }

    private record Declared(Element schema, Element element) {
    }

    private Element message(Element root, Element operation, String direction) throws Mismatch {
        var io = first(operation, WSDL, direction);
        if (io.isEmpty()) {
            if (direction.equals("output")) {
                return null; // one-way
            }
            throw new Mismatch("operation", "operation '" + operation.getAttribute("name") + "' has no input");
        }
        return named(root, "message", local(io.get().getAttribute("message")), "operation", e -> true);
    }

    private static List<String> partNames(Element message) {
        return elements(message, WSDL, "part").stream().map(p -> p.getAttribute("name")).toList();
    }

    /** The schema element of a document/literal message's single part. */
    private Declared wrapper(Element root, Element message) throws Mismatch {
        var parts = elements(message, WSDL, "part");
        if (parts.size() != 1 || parts.get(0).getAttribute("element").isEmpty()) {
            throw new Mismatch("operation", "message '" + message.getAttribute("name") + "' is not document/literal "
                    + "with one element part");
        }
        var name = local(parts.get(0).getAttribute("element"));
        for (var schema : schemas(root)) {
            for (var element : elements(schema, XSD, "element")) {
                if (name.equals(element.getAttribute("name"))) {
                    return new Declared(schema, element);
                }
            }
        }
        throw new Mismatch("operation", "the WSDL's types declare no element '" + name + "'");
    }

    /** The local names of an element's sequence (inline or named complex type). */
    private List<String> children(Element root, Declared declared) {
        var type = first(declared.element, XSD, "complexType").orElse(null);
        if (type == null && !declared.element.getAttribute("type").isEmpty()) {
            var typeName = local(declared.element.getAttribute("type"));
            type = schemas(root).stream().flatMap(s -> elements(s, XSD, "complexType").stream())
                    .filter(t -> typeName.equals(t.getAttribute("name"))).findFirst().orElse(null);
        }
        var names = new ArrayList<String>();
        if (type != null) {
            var all = type.getElementsByTagNameNS(XSD, "element");
            for (int i = 0; i < all.getLength(); i++) {
                var child = (Element) all.item(i);
                names.add(child.hasAttribute("ref") ? local(child.getAttribute("ref")) : child.getAttribute("name"));
            }
        }
        return names;
    }

    private static List<Element> schemas(Element root) {
        return first(root, WSDL, "types").map(t -> elements(t, XSD, "schema")).orElse(List.of());
    }

    /** The child with that name, or the only one (the first that fits) when no name is given. */
    private static Element named(Element parent, String kind, String name, String member, Predicate<Element> fits)
            throws Mismatch {
        var candidates = elements(parent, WSDL, kind);
        for (var candidate : candidates) {
            if (name == null ? fits.test(candidate) : name.equals(candidate.getAttribute("name"))) {
                return candidate;
            }
        }
        var names = candidates.stream().map(c -> c.getAttribute("name")).toList();
        throw new Mismatch(member, name == null ? "the WSDL has no " + kind + " that fits"
                : "the WSDL has no " + kind + " '" + name + "' (there are: " + String.join(", ", names) + ")");
    }

    static List<Element> elements(Element parent, String namespace, String localName) {
        var found = new ArrayList<Element>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<Element> first(Element parent, String namespace, String localName) {
        return elements(parent, namespace, localName).stream().findFirst();
    }

    private static String local(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }
}
