package org.ipaserver.integration.webservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.ipaserver.catalog.DefinitionValidator;
import org.ipaserver.catalog.ValidationReport;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publishing reads the SOAP call's WSDL and refuses what the operation does not have, at its JSON path. */
class SoapDefinitionTest {

    private final DefinitionValidator validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());
    private final TestServer server = ScoringSoapService.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private String process(String soap, String outputs) {
        return """
                {"name": "Scoring", "startState": "Score",
                 "variables": [{"name": "Name", "type": "String"}, {"name": "Credit", "type": "Integer"},
                               {"name": "Score", "type": "Integer"}, {"name": "Why", "type": "String"}],
                 "states": [{"name": "Score", "actions": [
                   {"type": "CallWebService", "soap": {"wsdl": "%s/score?wsdl", %s}, "outputs": {%s}}]}]}
                """.formatted(server.base("http"), soap, outputs);
    }

    @Test
    void aCallThatFitsTheWsdlIsValid() {
        for (var version : List.of("1.1", "1.2")) {
            var report = validator.validate(process("""
                    "service": "ScoringService", "operation": "Score", "version": "%s",
                    "elements": {"applicant": "${Name}", "creditScore": "${Credit}"}""".formatted(version),
                    "\"score\": \"Score\", \"faultString\": \"Why\""));
            assertEquals(List.of(), report.errors(), version);
        }
    }

    @Test
    void elementsAndOutputsTheOperationDoesNotHaveAreRefused() {
        var report = validator.validate(process("""
                "operation": "Score", "elements": {"applicant": "${Name}", "income": "${Credit}"}""",
                "\"score\": \"Score\", \"grade\": \"Why\""));

        assertProblem(report, "$.states[0].actions[0].soap.elements.income",
                "operation 'Score' has no input element 'income' (it has: applicant, creditScore)");
        assertProblem(report, "$.states[0].actions[0].outputs.grade", "has no output element 'grade'");
    }

    @Test
    void anUnknownOperationServiceOrPortOrAnUnreadableWsdlIsRefused() {
        assertProblem(validator.validate(process("\"operation\": \"Rate\"", "")),
                "$.states[0].actions[0].soap.operation", "no operation 'Rate' (there are: Score)");
        assertProblem(validator.validate(process("\"service\": \"Other\", \"operation\": \"Score\"", "")),
                "$.states[0].actions[0].soap.service", "no service 'Other'");
        assertProblem(validator.validate(process("\"port\": \"Scoring11Port\", \"version\": \"1.2\", "
                + "\"operation\": \"Score\"", "")), "$.states[0].actions[0].soap.port", "no SOAP 1.2 address");
        assertProblem(validator.validate(process("\"operation\": \"Score\"", "").replace("/score?wsdl", "/none")),
                "$.states[0].actions[0].soap.wsdl", "cannot read the WSDL");
    }

    private static void assertProblem(ValidationReport report, String path, String fragment) {
        assertTrue(report.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(fragment)),
                () -> "expected a problem at " + path + " containing '" + fragment + "' in\n"
                        + String.join("\n", report.problems().stream().map(Problem::toString).toList()));
    }
}
