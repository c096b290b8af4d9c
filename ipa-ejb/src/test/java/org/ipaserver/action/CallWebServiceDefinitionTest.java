package org.ipaserver.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.catalog.DefinitionReader;
import org.ipaserver.catalog.DefinitionValidator;
import org.ipaserver.catalog.ValidationReport;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.Test;

/** What publishing a CallWebService action accepts and refuses, each problem at its JSON path. */
class CallWebServiceDefinitionTest {

    private final DefinitionValidator validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());

    private static String process(String action) {
        return """
                {"name": "Scoring", "startState": "Score",
                 "securitySpecifications": [{"name": "Private", "users": ["alice"]}],
                 "variables": [{"name": "Id", "type": "String"}, {"name": "Credit", "type": "Integer"},
                               {"name": "Host", "type": "String"}, {"name": "Score", "type": "Integer"},
                               {"name": "Status", "type": "Integer"},
                               {"name": "Ssn", "type": "String", "securitySpecification": "Private"}],
                 "states": [{"name": "Score", "actions": [%s]}]}
                """.formatted(action);
    }

    @Test
    void aRestCallOverVariablesIsValidAndItsInputsAreItsVariableParts() {
        var json = process("""
                {"type": "CallWebService", "name": "Score applicant",
                 "rest": {"method": "POST", "url": "https://scoring.example.com/applicants/${Id}/score",
                          "headers": {"X-Channel": "web-${Id}"}, "body": {"credit": "${Credit}", "version": 2}},
                 "outputs": {"/data/score": "Score", "status": "Status"}, "timeout": "PT10S",
                 "exits": {"failure": [], "404": [], "5xx": []}}
                """);
        var report = validator.validate(json);
        assertEquals(List.of(), report.errors());

        var action = (ActionDef.CallWebService) DefinitionReader.read(json).definition().states().get(0).actions()
                .get(0);
        assertEquals(Map.of("rest.url[1]", "${Id}", "rest.headers.X-Channel", "web-${Id}",
                "rest.body.credit", "${Credit}", "rest.body.version", "${2}"), action.inputs());
    }

    @Test
    void aVariableCannotChooseTheHost() {
        for (var url : List.of("https://${Host}/score", "https://scoring.example.com${Id}", "${Host}",
                "ftp://scoring.example.com/x", "https://user:pw@scoring.example.com/x")) {
            var report = validator.validate(process("""
                    {"type": "CallWebService", "rest": {"method": "GET", "url": "%s"}}""".formatted(url)));
            assertProblem(report, "$.states[0].actions[0].rest.url", "no", url);
        }
    }

    @Test
    void refusesWhatTheCallCannotDoEachAtItsPath() {
        var report = validator.validate(process("""
                {"type": "CallWebService",
                 "rest": {"method": "FETCH", "url": "https://x.example.com/a/${Nope}",
                          "headers": {"Idempotency-Key": "mine", "Bad Name": "x"}},
                 "outputs": {"data/score": "Score", "/data/score": "Unknown"},
                 "exits": {"maybe": []}}
                """));
        assertProblem(report, "$.states[0].actions[0].rest.method", "unknown method 'FETCH'", "");
        assertProblem(report, "$.states[0].actions[0].rest.url", "unknown variable 'Nope'", "");
        assertProblem(report, "$.states[0].actions[0].rest.headers.Idempotency-Key", "sets header", "");
        assertProblem(report, "$.states[0].actions[0].rest.headers.Bad Name", "not a valid HTTP header name", "");
        assertProblem(report, "$.states[0].actions[0].outputs.data/score", "JSON Pointer", "");
        assertProblem(report, "$.states[0].actions[0].outputs./data/score", "unknown variable 'Unknown'", "");
        assertProblem(report, "$.states[0].actions[0].exits.maybe", "HTTP statuses", "");

        var get = validator.validate(process("""
                {"type": "CallWebService", "rest": {"method": "GET", "url": "https://x.example.com/a",
                 "body": {"a": "${Credit}"}}}"""));
        assertProblem(get, "$.states[0].actions[0].rest.body", "carry no body", "");

        var both = validator.validate(process("""
                {"type": "CallWebService", "rest": {"method": "GET", "url": "https://x.example.com/a"},
                 "soap": {"wsdl": "https://x.example.com/a?wsdl", "operation": "Score"}}"""));
        assertProblem(both, "$.states[0].actions[0]", "exactly one of 'rest' and 'soap'", "");
    }

    @Test
    void aSecuredVariableLeavesOnlyThroughACallThatTrustsItsSpecification() {
        var action = """
                {"type": "CallWebService", "rest": {"method": "POST", "url": "https://x.example.com/p/${Ssn}",
                 "body": {"ssn": "${Ssn}"}} %s}""";
        var report = validator.validate(process(action.formatted("")));
        assertProblem(report, "$.states[0].actions[0].rest.url", "security specification 'Private'", "");
        assertProblem(report, "$.states[0].actions[0].rest.body.ssn", "security specification 'Private'", "");

        assertEquals(List.of(), validator.validate(process(action.formatted(
                ", \"securitySpecifications\": [\"Private\"]"))).errors());
    }

    private static void assertProblem(ValidationReport report, String path, String fragment, String context) {
        assertTrue(report.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(fragment)),
                () -> context + ": expected a problem at " + path + " containing '" + fragment + "' in\n"
                        + String.join("\n", report.problems().stream().map(Problem::toString).toList()));
    }
}
