package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Car Loan sample's review path, as the README walks through it: an underwriter approves a large loan. */
@ExtendWith(ArquillianExtension.class)
class CarLoanReviewIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    @Test
    void aLargeLoanIsRoutedToAnUnderwriterWhoSeesTheSsnAndApprovesIt() throws Exception {
        var api = Api.at(contextRoot);
        assertEquals(201, api.post(Api.ADMIN, "definitions",
                Files.readString(Path.of("../docs/examples/car-loan.json"))).status());
        var group = api.put(Api.ADMIN, "workgroups/Underwriters", "{\"members\":[\"alice\"]}");
        assertTrue(group.status() == 200 || group.status() == 201, group::toString);
        assertEquals(200, api.put(Api.ADMIN, "users/alice/licence", "{\"licence\":\"GROUP_ROUTED\"}").status());
        assertEquals(200, api.put(Api.ADMIN, "users/alice/skills", "{\"Loans\":80}").status());
        assertEquals(200, api.put(Api.ALICE, "users/alice/presence", "{\"presence\":\"available\"}").status());

        var ssn = "078-05-" + (1000 + System.nanoTime() % 9000);
        var launched = api.post(Api.BOB, "flows", """
                { "definition": "CarLoan", "variables": { "FirstName": "Ann", "LastName": "Lee", "SSN": "%s",
                  "LoanAmount": 60000, "CreditScore": 720, "Make": "Volvo", "Model": "XC60" } }""".formatted(ssn));
        assertEquals(201, launched.status(), launched::toString);
        var flowPath = "flows/" + launched.json().getString("id");

        JsonObject item = null;
        for (int i = 0; i < 100 && item == null; i++) {
            item = api.get(Api.ALICE, "workitems").jsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(w -> w.getString("flowId").equals(launched.json().getString("id"))).findFirst()
                    .orElse(null);
            Thread.sleep(100);
        }
        assertNotNull(item, "the review reaches alice once the automatic check's timer has fired");
        assertEquals("Car loans", item.getString("category"));
        assertEquals("Review the car loan of Ann Lee", item.getString("description"));
        assertTrue(item.toString().contains(ssn), "alice is an underwriter: she sees the SSN");
        assertFalse(api.get(Api.BOB, flowPath).body().contains(ssn), "bob launched it but is not listed");

        var id = item.getString("id");
        assertEquals(200, api.post(Api.ALICE, "workitems/" + id + "/pickup", "").status());
        var done = api.post(Api.ALICE, "workitems/" + id + "/complete",
                "{\"button\":\"Approve\",\"values\":{\"bodyType\":\"SUV\"}}");
        assertEquals(200, done.status(), done::toString);
        var flow = api.get(Api.BOB, flowPath).json();
        assertEquals("completed", flow.getString("status"));
        assertEquals("Approved", flow.getString("currentState"));
        assertEquals("SUV", flow.getJsonObject("variables").getString("BodyType"));
        assertEquals("CL-LEE-720", flow.getJsonObject("variables").getString("LoanID"));
    }
}
