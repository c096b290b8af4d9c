package org.ipaserver.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.ipaserver.catalog.DefinitionValidator;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.Test;

/** Publishing refuses a SendEmail that could not be sent or would let a secured value out. */
class SendEmailChecksTest {

    private final DefinitionValidator validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());

    private static final String DEFINITION = """
            { "name": "Notify", "startState": "S",
              "securitySpecifications": [ { "name": "PersonalData", "users": ["alice"] } ],
              "variables": [ { "name": "Applicant", "type": "Mailbox" },
                             { "name": "Copies", "type": "Mailbox", "list": true },
                             { "name": "Manager", "type": "String" },
                             { "name": "Amount", "type": "Decimal" },
                             { "name": "SSN", "type": "String", "securitySpecification": "PersonalData" },
                             { "name": "Private", "type": "Mailbox", "securitySpecification": "PersonalData" } ],
              "states": [ { "name": "S", "actions": [ %s ] } ] }
            """;

    private List<Problem> errors(String action) {
        return validator.validate(DEFINITION.formatted(action)).errors();
    }

    @Test
    void aMailToVariablesAndAddressesWithTemplatesIsValid() {
        assertEquals(List.of(), errors("""
                { "type": "SendEmail", "name": "Tell the applicant",
                  "to": ["${Applicant}", "loans@bank.example"], "cc": ["${Copies}"], "bcc": ["${Manager}"],
                  "subject": "Your loan of ${Amount}", "body": "<p>Dear applicant</p>", "html": true,
                  "timeout": "PT20S", "exits": { "failure": [ { "type": "EndProcess" } ] } }
                """));
    }

    @Test
    void aSecuredVariableMayGoIntoAMailOnlyWhenTheActionListsItsSpecification() {
        var refused = errors("""
                { "type": "SendEmail", "to": ["${Private}"], "subject": "About ${Manager}", "body": "SSN ${SSN}" }
                """);
        assertProblem(refused, "$.states[0].actions[0].to[0]", "variable 'Private' is under security specification "
                + "'PersonalData'");
        assertProblem(refused, "$.states[0].actions[0].body", "variable 'SSN' is under security specification "
                + "'PersonalData'");
        assertEquals(2, refused.size(), refused.toString());

        assertEquals(List.of(), errors("""
                { "type": "SendEmail", "to": ["${Private}"], "subject": "About ${Manager}", "body": "SSN ${SSN}",
                  "securitySpecifications": ["PersonalData"] }
                """));
    }

    @Test
    void aMailNeedsARecipient() {
        assertProblem(errors("""
                { "type": "SendEmail", "to": [], "subject": "Nobody reads this" }
                """), "$.states[0].actions[0].to", "at least one recipient");
    }

    @Test
    void aLiteralRecipientMustBeAnAddress() {
        var refused = errors("""
                { "type": "SendEmail", "to": ["${Applicant}"], "cc": ["loans at bank"], "subject": "Hi" }
                """);
        assertProblem(refused, "$.states[0].actions[0].cc[0]", "'loans at bank' is not an email address");
    }

    @Test
    void aRecipientExpressionMustGiveMailboxesOrTexts() {
        var refused = errors("""
                { "type": "SendEmail", "to": ["${Amount}"], "bcc": ["${Unknown}"], "subject": "Hi" }
                """);
        assertProblem(refused, "$.states[0].actions[0].to[0]", "type mismatch: a recipient is a Mailbox or String");
        assertProblem(refused, "$.states[0].actions[0].bcc[0]", "unknown variable 'Unknown'");
    }

    @Test
    void subjectIsRequiredAndOnlyTheMailsExitsAreKnown() {
        var refused = errors("""
                { "type": "SendEmail", "to": ["${Applicant}"], "exits": { "timeout": [] }, "html": "yes" }
                """);
        assertProblem(refused, "$.states[0].actions[0].subject", "'subject' is required");
        assertProblem(refused, "$.states[0].actions[0].exits.timeout", "no exit path 'timeout'");
        assertProblem(refused, "$.states[0].actions[0].html", "must be true or false");
    }

    private static void assertProblem(List<Problem> problems, String path, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(fragment)),
                () -> "expected a problem at " + path + " containing '" + fragment + "' in\n"
                        + String.join("\n", problems.stream().map(Problem::toString).toList()));
    }
}
