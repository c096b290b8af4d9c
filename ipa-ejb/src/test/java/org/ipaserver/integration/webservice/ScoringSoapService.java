package org.ipaserver.integration.webservice;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.ipaserver.action.WsdlContract;
import org.w3c.dom.Element;

/**
 * A real SOAP 1.1 and 1.2 endpoint on a JDK HttpServer: GET /score?wsdl gives its WSDL, POST
 * /score scores the applicant. Applicants named "fault", "garbage" or "slow" get that answer.
 */
final class ScoringSoapService {

    static final String NS = "urn:scoring";

    static TestServer start() {
        return start(TestServer.http());
    }

    static TestServer start(TestServer server) {
        server.on("/score", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                TestServer.answer(exchange, 200, "text/xml", wsdl(server.base()));
                return;
            }
            var v12 = exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/soap+xml");
            var received = server.received.get(server.received.size() - 1).body();
            var request = WsdlContract.parse(received.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            var applicant = text(request, "applicant");
            switch (applicant) {
                case "fault" -> fault(exchange, v12);
                case "garbage" -> TestServer.answer(exchange, 200, "text/xml", "<soap:Envelope><unclosed");
                case "slow" -> {
                    sleep();
                    TestServer.answer(exchange, 200, "text/xml", "");
                }
                default -> TestServer.answer(exchange, 200, v12 ? "application/soap+xml" : "text/xml",
                        envelope(v12, "<s:ScoreResponse xmlns:s=\"" + NS + "\"><s:score>"
                                + (Integer.parseInt(text(request, "creditScore")) + 42)
                                + "</s:score><s:band>A</s:band></s:ScoreResponse>"));
            }
        });
        return server.start();
    }

    private static void fault(HttpExchange exchange, boolean v12) throws IOException {
        var fault = v12 ? "<env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"en\">unknown applicant</env:Text></env:Reason></env:Fault>"
                : "<env:Fault><faultcode>env:Client</faultcode><faultstring>unknown applicant</faultstring></env:Fault>";
        TestServer.answer(exchange, 500, v12 ? "application/soap+xml" : "text/xml", envelope(v12, fault));
    }

    private static String envelope(boolean v12, String body) {
        return "<env:Envelope xmlns:env=\"" + (v12 ? "http://www.w3.org/2003/05/soap-envelope"
                : "http://schemas.xmlsoap.org/soap/envelope/") + "\"><env:Body>" + body + "</env:Body></env:Envelope>";
    }

    private static String text(Element request, String name) {
        var found = request.getElementsByTagNameNS(NS, name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent();
    }

    private static void sleep() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String wsdl(String base) {
        var operation = """
                <operation name="Score"><%1$s:operation soapAction="urn:scoring:Score"/>
                  <input><%1$s:body use="literal"/></input><output><%1$s:body use="literal"/></output></operation>""";
        return """
                <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                    xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:tns="urn:scoring"
                    xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:scoring" name="Scoring">
                  <types>
                    <xsd:schema targetNamespace="urn:scoring" elementFormDefault="qualified">
                      <xsd:element name="Score"><xsd:complexType><xsd:sequence>
                        <xsd:element name="applicant" type="xsd:string"/>
                        <xsd:element name="creditScore" type="xsd:int"/>
                      </xsd:sequence></xsd:complexType></xsd:element>
                      <xsd:element name="ScoreResponse" type="tns:ScoreResult"/>
                      <xsd:complexType name="ScoreResult"><xsd:sequence>
                        <xsd:element name="score" type="xsd:int"/>
                        <xsd:element name="band" type="xsd:string"/>
                      </xsd:sequence></xsd:complexType>
                    </xsd:schema>
                  </types>
                  <message name="ScoreRequest"><part name="parameters" element="tns:Score"/></message>
                  <message name="ScoreResponse"><part name="parameters" element="tns:ScoreResponse"/></message>
                  <portType name="ScoringPortType">
                    <operation name="Score"><input message="tns:ScoreRequest"/><output message="tns:ScoreResponse"/></operation>
                  </portType>
                  <binding name="Scoring11" type="tns:ScoringPortType">
                    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>%2$s
                  </binding>
                  <binding name="Scoring12" type="tns:ScoringPortType">
                    <soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>%3$s
                  </binding>
                  <service name="ScoringService">
                    <port name="Scoring11Port" binding="tns:Scoring11"><soap:address location="%1$s/score"/></port>
                    <port name="Scoring12Port" binding="tns:Scoring12"><soap12:address location="%1$s/score"/></port>
                  </service>
                </definitions>
                """.formatted(base, operation.formatted("soap"), operation.formatted("soap12"));
    }
}
