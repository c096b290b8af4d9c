package org.ipaserver.integration.webservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.action.CallResult;
import org.ipaserver.action.WsdlContract;
import org.ipaserver.catalog.DefinitionValidator;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.WebServiceRequest;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.CallRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to a server whose CA is only in the operator's bundle: trusted with it, refused without. */
class TrustBundleTest {

    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(dir);
        server = certificates.httpsServer()
                .on("/", exchange -> TestServer.answer(exchange, 200, "application/json", "{\"ok\": true}")).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aServerSignedByTheBundlesCaIsTrusted() {
        var result = call(client(certificates.caPem));

        assertEquals(CallResult.SUCCESS, result.exit(), result.toString());
        assertEquals("true", result.outputs().get("/ok"));
    }

    @Test
    void withoutTheBundleTheSameServerIsRefused() {
        var result = call(client(null));

        assertEquals(CallResult.FAILURE, result.exit());
        assertTrue(result.message().startsWith("the TLS connection to 127.0.0.1 failed"), result.message());
    }

    @Test
    void aMalformedBundleIsRefusedNamingTheFileAndTheProblem() throws Exception {
        var truncated = dir.resolve("truncated.crt");
        var pem = Files.readString(certificates.caPem);
        Files.writeString(truncated, pem.substring(0, pem.length() / 2) + "\n-----END CERTIFICATE-----\n");
        var notPem = dir.resolve("notes.txt");
        Files.writeString(notPem, "not a certificate");

        var client = client(truncated);
        assertTrue(client.trustProblem().orElseThrow().startsWith("CA bundle " + truncated
                + " (ipa.webservice.caBundle) is malformed"), client.trustProblem().orElseThrow());
        var result = call(client);
        assertEquals(CallResult.FAILURE, result.exit());
        assertEquals(client.trustProblem().orElseThrow(), result.message(), "every call says why until it is fixed");

        assertEquals("CA bundle " + notPem + " (ipa.webservice.caBundle) holds no PEM certificate "
                + "(-----BEGIN CERTIFICATE----- blocks)", client(notPem).trustProblem().orElseThrow());
        assertTrue(client(dir.resolve("missing.crt")).trustProblem().orElseThrow().contains("cannot be read"));
    }

    @Test
    void soapOverHttpsReadsItsWsdlAndCallsWithTheBundle() throws Exception {
        try (var soapServer = ScoringSoapService.start(certificates.httpsServer())) {
            var soap = new WebServiceRequest.Soap(soapServer.base() + "/score?wsdl", null, null, "Score", "1.1",
                    Map.of("applicant", "${Name}", "creditScore", "${Credit}"));
            var action = new ActionDef.CallWebService(null, null, soap, Map.of("score", "Score"), null, List.of(),
                    Map.of(), "$.states[0].actions[0]");
            var request = new CallRequest("f", 1, 1, "key", action, Map.of("soap.elements.applicant", "Ada",
                    "soap.elements.creditScore", 700L), null);

            assertEquals("742", client(certificates.caPem).call(request).outputs().get("score"));
            var refused = client(null).call(request);
            assertEquals(CallResult.FAILURE, refused.exit(), "an untrusted certificate is not worth another attempt");
            assertTrue(refused.message().startsWith("cannot read the WSDL of operation 'Score': the TLS connection "
                    + "failed"), refused.message());
        }
    }

    @Test
    void publishingReadsAnHttpsWsdlWithTheSameTrust() throws Exception {
        try (var soapServer = ScoringSoapService.start(certificates.httpsServer())) {
            var definition = """
                    {"name": "P", "startState": "S", "variables": [{"name": "Score", "type": "Integer"}],
                     "states": [{"name": "S", "actions": [{"type": "CallWebService",
                       "soap": {"wsdl": "%s/score?wsdl", "operation": "Score"}, "outputs": {"score": "Score"}}]}]}
                    """.formatted(soapServer.base());
            var validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());
            try {
                WsdlContract.trustWhenPublishing(null);
                assertTrue(validator.validate(definition).errors().get(0).message().startsWith("cannot read the WSDL"));

                client(certificates.caPem).trustWhenPublishing();
                assertEquals(List.of(), validator.validate(definition).errors());
            } finally {
                WsdlContract.trustWhenPublishing(null);
            }
        }
    }

    private static WebServiceClient client(Path bundle) {
        return new WebServiceClient(new WebServiceSettings(bundle, WebServiceSettings.DEFAULT_MAX_ANSWER_BYTES,
                Duration.ofSeconds(5)));
    }

    private static CallResult call(WebServiceClient client) {
        var action = RestCallTest.rest("GET", server.base("https") + "/status", Map.of(), Map.of(),
                Map.of("/ok", "Ok"));
        return client.call(RestCallTest.request(action, Map.of(), 1));
    }
}
