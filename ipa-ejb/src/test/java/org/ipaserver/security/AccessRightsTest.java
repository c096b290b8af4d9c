package org.ipaserver.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.refusal.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRightsTest {

    /** ann holds no role and is in Underwriters; rob holds ipa-view; the grants below apply to both. */
    private static final AccessRights RIGHTS = new AccessRights(List.of(
            new Grant(PrincipalKind.USER, "ann", Right.LAUNCH, "CarLoan"),
            new Grant(PrincipalKind.WORKGROUP, "Underwriters", Right.VIEW, "CarLoan"),
            new Grant(PrincipalKind.WORKGROUP, "Collections", Right.VIEW, Grant.ALL),
            new Grant(PrincipalKind.ROLE, Rights.LAUNCH, Right.MANAGE, "Mortgage"),
            new Grant(PrincipalKind.USER, "rob", Right.MANAGE, Grant.ALL)));

    private static Caller caller(String name, String roles, String workgroups) {
        var held = Set.of(roles.isEmpty() ? new String[0] : roles.split(" "));
        return new Caller(name, held::contains, Set.of(workgroups.isEmpty() ? new String[0] : workgroups.split(" ")));
    }

    @ParameterizedTest(name = "{0} (roles [{1}], workgroups [{2}]) {3} {4}: {5}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ann | ''                   | ''                  | LAUNCH | CarLoan  | true
            ann | ''                   | ''                  | LAUNCH | Mortgage | false
            ann | ''                   | ''                  | VIEW   | CarLoan  | false
            ann | ''                   | Underwriters        | VIEW   | CarLoan  | true
            ann | ''                   | Underwriters        | VIEW   | Mortgage | false
            ann | ''                   | Collections         | VIEW   | Mortgage | true
            ann | ''                   | Underwriters        | MANAGE | CarLoan  | false
            ann | ipa-launch           | ''                  | MANAGE | Mortgage | true
            ann | ipa-launch           | ''                  | MANAGE | CarLoan  | false
            ann | ipa-launch           | ''                  | LAUNCH | Anything | true
            rob | ipa-view             | ''                  | VIEW   | Anything | true
            rob | ipa-view             | ''                  | LAUNCH | CarLoan  | false
            rob | ''                   | ''                  | MANAGE | Anything | true
            eve | ipa-manage           | ''                  | MANAGE | CarLoan  | true
            eve | ipa-designer ipa-admin | Underwriters      | LAUNCH | CarLoan  | false
            eve | ''                   | Underwriters        | VIEW   | CarLoan  | true
            """)
    void aRightComesFromItsRoleOrAGrantNamingTheCaller(String name, String roles, String workgroups, Right right,
                                                       String process, boolean allowed) {
        assertEquals(allowed, RIGHTS.allows(caller(name, roles, workgroups), right, process));
    }

    @Test
    void everywhereMeansTheRoleOrAGrantOnAll() {
        assertEquals(true, RIGHTS.allowsEverywhere(caller("ann", "ipa-view", ""), Right.VIEW));
        assertEquals(true, RIGHTS.allowsEverywhere(caller("ann", "", "Collections"), Right.VIEW));
        assertEquals(false, RIGHTS.allowsEverywhere(caller("ann", "", "Underwriters"), Right.VIEW),
                "a grant on one process is not one on all");
        assertEquals(true, RIGHTS.allowsEverywhere(caller("rob", "", ""), Right.MANAGE));
    }

    @Test
    void theProcessesOfARightAreThoseNamedInTheCallersGrants() {
        assertEquals(Set.of("CarLoan"), RIGHTS.processes(caller("ann", "", "Underwriters Collections"), Right.VIEW));
        assertEquals(Set.of("Mortgage"), RIGHTS.processes(caller("bob", "ipa-launch", ""), Right.MANAGE));
        assertEquals(Set.of(), RIGHTS.processes(caller("bob", "", ""), Right.VIEW));
    }

    @ParameterizedTest(name = "role [{0}], licence {1}: {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''           | DIRECT_ROUTED    | false
            ''           | GROUP_ROUTED     | false
            ''           | PROCESS_MONITOR  | false
            ''           | PROCESS_DESIGNER | true
            ipa-designer | DIRECT_ROUTED    | true
            ipa-admin    | PROCESS_MONITOR  | false
            """)
    void designersHoldTheLicenceOrTheRole(String roles, Licence licence, boolean designs) {
        assertEquals(designs, AccessRights.designs(caller("ann", roles, ""), licence));
    }

    @Test
    void aBadGrantIsRefusedWithEveryBadField() {
        var refused = assertThrows(InvalidInput.class,
                () -> RightsService.checked("team", "", "DESIGN", null));
        assertEquals(List.of("kind", "principal", "right", "process"),
                refused.errors().stream().map(InvalidInput.FieldError::field).toList());
        var unknownRole = assertThrows(InvalidInput.class,
                () -> RightsService.checked("role", "ipa-everything", "VIEW", "*"));
        assertEquals("principal", unknownRole.errors().get(0).field());
        assertEquals(new Grant(PrincipalKind.WORKGROUP, "Underwriters", Right.VIEW, "*"),
                RightsService.checked("workgroup", "Underwriters", "VIEW", "*"));
    }
}
