package org.ipaserver.integration.webservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.action.CallResult;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.WebServiceRequest;
import org.ipaserver.flow.CallRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SOAP 1.1 and 1.2 calls against a real SOAP endpoint on 127.0.0.1 that serves its own WSDL. */
class SoapCallTest {

    private final WebServiceClient client = new WebServiceClient(new WebServiceSettings(null,
            WebServiceSettings.DEFAULT_MAX_ANSWER_BYTES, Duration.ofSeconds(5)));
    private final TestServer server = ScoringSoapService.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void soap11SendsTheWsdlsRequestAndMapsTheResponseElements() {
        var result = client.call(request("1.1", "Ada", null));

        assertEquals(CallResult.SUCCESS, result.exit(), result.toString());
        assertEquals("742", result.outputs().get("score"));
        assertEquals("A", result.outputs().get("band"));
        var post = server.received.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertEquals("\"urn:scoring:Score\"", post.header("Soapaction"));
        assertTrue(post.header("Content-type").startsWith("text/xml"), post.header("Content-type"));
        assertEquals("key-1", post.header("Idempotency-key"));
        assertTrue(post.body().contains("<op:Score xmlns:op=\"urn:scoring\"><op:applicant>Ada</op:applicant>"
                + "<op:creditScore>700</op:creditScore></op:Score>"), post.body());
    }

    @Test
    void soap12SendsItsActionInTheContentType() {
        var result = client.call(request("1.2", "Ada", null));

        assertEquals(CallResult.SUCCESS, result.exit(), result.toString());
        assertEquals("742", result.outputs().get("score"));
        var post = server.received.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        var type = jakarta.ws.rs.core.MediaType.valueOf(post.header("Content-type"));
        assertEquals("application/soap+xml", type.getType() + "/" + type.getSubtype());
        assertEquals("urn:scoring:Score", type.getParameters().get("action"));
    }

    @Test
    void aFaultTakesTheFailureExitWithItsCodeAndString() {
        for (var version : List.of("1.1", "1.2")) {
            var result = client.call(request(version, "fault", null));

            assertEquals(CallResult.FAILURE, result.exit(), version);
            assertEquals(version.equals("1.1") ? "env:Client" : "env:Sender", result.outputs().get("faultCode"));
            assertEquals("unknown applicant", result.outputs().get("faultString"));
            assertEquals("500", result.outputs().get("status"));
            assertEquals("127.0.0.1 answered a SOAP fault", result.message(), "the fault's text stays in the outputs");
        }
    }

    @Test
    void malformedXmlTakesTheFailureExit() {
        var result = client.call(request("1.1", "garbage", null));

        assertEquals(CallResult.FAILURE, result.exit());
        assertEquals("the answer of 127.0.0.1 is not well-formed XML", result.message());
    }

    @Test
    void aSlowAnswerTakesTheTimeoutExit() {
        var result = client.call(request("1.1", "slow", Duration.ofMillis(500)));

        assertEquals(CallResult.TIMEOUT, result.exit());
    }

    @Test
    void anAnswerOverTheLimitIsRefused() {
        var small = new WebServiceClient(new WebServiceSettings(null, 100, Duration.ofSeconds(5)));

        var result = small.call(request("1.1", "Ada", null));

        assertEquals(CallResult.FAILURE, result.exit());
        assertEquals("the answer of 127.0.0.1 is larger than 100 bytes (ipa.webservice.maxAnswerBytes)",
                result.message());
    }

    private CallRequest request(String version, String applicant, Duration timeout) {
        var soap = new WebServiceRequest.Soap(server.base("http") + "/score?wsdl", "ScoringService", null, "Score",
                version, Map.of("applicant", "${Name}", "creditScore", "${Credit}"));
        var action = new ActionDef.CallWebService(null, null, soap, Map.of("score", "Score", "band", "Band",
                "faultString", "Why"), null, List.of(), Map.of(), "$.states[0].actions[0]");
        var inputs = new LinkedHashMap<String, Object>();
        inputs.put("soap.elements.applicant", applicant);
        inputs.put("soap.elements.creditScore", 700L);
        return new CallRequest("flow-1", 1, 1, "key-1", action, inputs, timeout);
    }
}
