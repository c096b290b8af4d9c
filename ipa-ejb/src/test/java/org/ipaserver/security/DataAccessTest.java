package org.ipaserver.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.ipaserver.catalog.DefinitionReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataAccessTest {

    private static final String DEFINITION = """
            { "name": "Secure", "startState": "S",
              "securitySpecifications": [ { "name": "Pii", "users": ["alice"], "workgroups": ["Underwriters"], "roles": ["ipa-manage"] },
                                          { "name": "Nobody" } ],
              "variables": [ { "name": "Ssn", "type": "String", "securitySpecification": "Pii" },
                             { "name": "Vault", "type": "String", "securitySpecification": "Nobody" },
                             { "name": "Open", "type": "String" } ],
              "states": [ { "name": "S", "variables": [ { "name": "Pin", "type": "String", "securitySpecification": "Pii" } ] } ] }
            """;

    @ParameterizedTest(name = "{0} in [{1}] with role [{2}] may not see {3}")
    @CsvSource(delimiter = '|', value = {
        "alice |              |            | Vault",
        "bob   |              |            | Ssn Vault Pin",
        "bob   | Underwriters |            | Vault",
        "bob   | Sales        |            | Ssn Vault Pin",
        "bob   |              | ipa-manage | Vault",
        "bob   |              | ipa-view   | Ssn Vault Pin"})
    void aSpecificationShowsValuesOnlyToWhomItLists(String user, String workgroup, String role, String hidden) {
        var definition = DefinitionReader.read(DEFINITION).definition();
        var caller = new Caller(user, r -> r.equals(role), workgroup == null ? Set.of() : Set.of(workgroup));
        assertEquals(Set.of(hidden.split(" ")), DataAccess.restricted(definition, caller));
    }
}
