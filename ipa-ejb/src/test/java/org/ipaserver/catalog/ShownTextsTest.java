package org.ipaserver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;
import org.junit.jupiter.api.Test;

/** A text shown to people who are not all in a security specification may not carry its variables. */
class ShownTextsTest {

    private final DefinitionValidator validator = new DefinitionValidator(new Expressions(), name -> Optional.empty());

    private static final String DEFINITION = """
            { "name": "Secrets", "startState": "S",
              "securitySpecifications": [ { "name": "PersonalData", "users": ["alice"] } ],
              "variables": [ { "name": "Name", "type": "String" },
                             { "name": "SSN", "type": "String", "securitySpecification": "PersonalData" },
                             { "name": "Manager", "type": "String", "securitySpecification": "PersonalData" },
                             { "name": "Due", "type": "DateTime", "securitySpecification": "PersonalData" } ],
              "forms": [ { "name": "F", "description": %s,
                           "fields": [ { "name": "ssn", "label": "SSN", "variable": "SSN", "readOnly": true } ],
                           "buttons": [ { "name": "Done" } ] } ],
              "states": [ { "name": "S", "actions": [
                { "type": "SendWorkItemToUser", "form": "F", "user": %s, "description": %s,
                  "exits": { "Done": [ { "type": "RunTask", "task": "T" } ] } },
                { "type": "Wait", "until": %s } ] } ],
              "tasks": [ { "name": "T", "variables": [ { "name": "pin", "type": "String", "securitySpecification": "PersonalData" } ],
                           "actions": [ { "type": "SendWorkItemToWorkgroup", "form": "F", "workgroup": "Clerks",
                                          "description": "PIN ${pin}", "exits": {} } ] } ] }
            """;

    private List<Problem> errors(String formDescription, String user, String description, String until) {
        return validator.validate(DEFINITION.formatted(formDescription, user, description, until)).errors();
    }

    @Test
    void templatesOverUnrestrictedVariablesAreFine() {
        var errors = errors("\"Check ${Name}\"", "\"bob\"", "\"Check ${Name} now\"", "\"${now()}\"");
        assertEquals(List.of("$.tasks[0].actions[0].description"), errors.stream().map(Problem::path).toList(),
                "only the task's description over its restricted local");
    }

    @Test
    void everyShownTemplateOverARestrictedVariableIsRefusedWithItsPath() {
        var errors = errors("\"Form for ${SSN}\"", "\"${Manager}\"", "\"Check ${Name} (${SSN})\"", "\"${Due}\"");
        assertEquals(List.of(
                "$.states[0].actions[0].user", "$.states[0].actions[0].description", "$.states[0].actions[1].until",
                "$.tasks[0].actions[0].description", "$.forms[0].description"),
                errors.stream().map(Problem::path).toList());
        assertEquals("the work-item description shows variable 'SSN', which security specification 'PersonalData' "
                + "restricts: people the specification does not list would see its value; leave it out of this text "
                + "(a form field shows it only to those the specification lists)", errors.get(1).message());
        assertEquals("the work-item description shows variable 'pin', which security specification 'PersonalData' "
                + "restricts: people the specification does not list would see its value; leave it out of this text "
                + "(a form field shows it only to those the specification lists)", errors.get(3).message());
    }
}
