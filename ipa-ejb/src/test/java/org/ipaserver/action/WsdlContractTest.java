package org.ipaserver.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.ipaserver.definition.WebServiceRequest;
import org.junit.jupiter.api.Test;

/** The parts of a WSDL a SOAP call uses: rpc/literal operations and refused documents. */
class WsdlContractTest {

    private static final String RPC = """
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                xmlns:tns="urn:rates" targetNamespace="urn:rates">
              <message name="RateIn"><part name="currency" type="xsd:string"/><part name="day" type="xsd:date"/></message>
              <message name="RateOut"><part name="rate" type="xsd:decimal"/></message>
              <portType name="Rates"><operation name="Rate"><input message="tns:RateIn"/><output message="tns:RateOut"/></operation></portType>
              <binding name="RatesBinding" type="tns:Rates">
                <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
                <operation name="Rate"><soap:operation soapAction=""/>
                  <input><soap:body use="literal" namespace="urn:rates:ops"/></input>
                  <output><soap:body use="literal" namespace="urn:rates:ops"/></output></operation>
              </binding>
              <service name="RateService"><port name="RatePort" binding="tns:RatesBinding">
                <soap:address location="https://rates.example.com/soap"/></port></service>
            </definitions>
            """;

    @Test
    void anRpcOperationTakesItsPartsAsChildrenOfAnElementNamedAfterIt() throws Exception {
        var operation = WsdlContract.of(RPC.getBytes(StandardCharsets.UTF_8)).operation(soap("Rate", "1.1"));

        assertEquals("https://rates.example.com/soap", operation.address());
        assertEquals(new QName("urn:rates:ops", "Rate"), operation.request());
        assertEquals(List.of("currency", "day"), operation.requestChildren());
        assertFalse(operation.qualified());
        assertEquals(List.of("rate"), operation.responseChildren());
    }

    @Test
    void aVersionWithoutAnAddressOrANonWsdlDocumentIsRefused() throws Exception {
        var contract = WsdlContract.of(RPC.getBytes(StandardCharsets.UTF_8));
        var noSoap12 = assertThrows(WsdlContract.Mismatch.class, () -> contract.operation(soap("Rate", "1.2")));
        assertEquals("the WSDL has no port that fits", noSoap12.getMessage());

        var other = WsdlContract.of("<html/>".getBytes(StandardCharsets.UTF_8));
        assertEquals("not a WSDL 1.1 document",
                assertThrows(WsdlContract.Mismatch.class, () -> other.operation(soap("Rate", "1.1"))).getMessage());
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedSoNoEntityIsExpanded() {
        var xxe = "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
        var refused = assertThrows(IOException.class, () -> WsdlContract.parse(xxe.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().startsWith("not well-formed XML"), refused.getMessage());
    }

    private static WebServiceRequest.Soap soap(String operation, String version) {
        return new WebServiceRequest.Soap("https://rates.example.com/soap?wsdl", null, null, operation, version,
                Map.of());
    }
}
