package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ipaserver.client.ApiClient;
import org.ipaserver.client.ApiException;
import org.ipaserver.client.api.DefinitionsApi;
import org.ipaserver.client.api.FlowsApi;
import org.ipaserver.client.api.UsersApi;
import org.ipaserver.client.api.WorkItemsApi;
import org.ipaserver.client.api.WorkgroupsApi;
import org.ipaserver.client.model.ApiProblem;
import org.ipaserver.client.model.CompleteRequest;
import org.ipaserver.client.model.InvalidInputFieldError;
import org.ipaserver.client.model.LaunchRequest;
import org.ipaserver.client.model.LicenceChange;
import org.ipaserver.client.model.PresenceChange;
import org.ipaserver.client.model.WorkItemView;
import org.ipaserver.client.model.WorkgroupChange;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Car Loan review driven end to end by the client generated from the OpenAPI document (Jakarta
 * REST on Jersey's client): if that client cannot do it, the contract is wrong.
 */
@ExtendWith(ArquillianExtension.class)
class CarLoanClientIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    /** The client signed in as a demo user (password = name), at the server's /ipa. */
    private ApiClient as(String user) {
        var root = contextRoot.toString();
        var client = new ApiClient().setBasePath(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
        client.setUsername(user);
        client.setPassword(user);
        return client;
    }

    @Test
    void anUnderwriterApprovesALargeLoanThroughTheGeneratedClient() throws Exception {
        var admin = as("admin");
        @SuppressWarnings("unchecked")
        Map<String, Object> carLoan = admin.getJSON().getMapper()
                .readValue(Files.readString(Path.of("../docs/examples/car-loan.json")), Map.class);
        var published = new DefinitionsApi(admin).publishDefinition(carLoan, false);
        assertEquals("CarLoan", published.getName());

        new WorkgroupsApi(admin).saveWorkgroup("Underwriters", new WorkgroupChange().members(List.of("alice")));
        var users = new UsersApi(admin);
        users.setUserLicence("alice", new LicenceChange().licence("GROUP_ROUTED"));
        users.setUserSkills("alice", Map.of("Loans", 80));
        new UsersApi(as("alice")).setUserPresence("alice", new PresenceChange().presence("available"));

        var launched = new FlowsApi(as("bob")).launchFlow(new LaunchRequest().definition("CarLoan")
                .version(published.getVersion())
                .variables(Map.of("FirstName", "Ann", "LastName", "Lee", "SSN", "078-05-1120", "LoanAmount", 60000,
                        "CreditScore", 720, "Make", "Volvo", "Model", "XC60")), null); // no Prefer: the summary
        assertEquals("CarLoan", launched.getDefinition());

        var alicesItems = new WorkItemsApi(as("alice"));
        WorkItemView item = null;
        for (int i = 0; i < 100 && item == null; i++) {
            item = alicesItems.listWorkItems(null).stream().filter(w -> w.getFlowId().equals(launched.getId()))
                    .findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertNotNull(item, "the review reaches alice once the automatic check's timer has fired");
        assertEquals("Car loans", item.getCategory());

        var processing = alicesItems.pickUpWorkItem(item.getId(), null);
        assertEquals("processing", processing.getStatus());

        var id = item.getId();
        var refused = assertThrows(ApiException.class, () -> alicesItems.completeWorkItem(id,
                new CompleteRequest().button("Approve").values(Map.of("bodyType", "Tank"))));
        assertEquals(400, refused.getCode());
        var problem = (ApiProblem) refused.getErrorEntity(); // the client reads a 400 as the document says
        assertEquals("urn:ipa-server:problem:invalid-input", problem.getType());
        assertEquals(List.of("values.bodyType"), problem.getErrors().stream().map(InvalidInputFieldError::getField)
                .toList(), refused::getResponseBody);

        var completed = alicesItems.completeWorkItem(id, new CompleteRequest().button("Approve")
                .values(Map.of("bodyType", "SUV")).version(processing.getVersion()));
        assertEquals("Approve", completed.getCompletedWith());

        var flow = new FlowsApi(as("bob")).getFlow(launched.getId());
        assertEquals("completed", flow.getStatus());
        assertEquals("Approved", flow.getCurrentState());
        assertEquals("SUV", flow.getVariables().get("BodyType"));
        assertEquals(List.of("SSN"), List.copyOf(flow.getRestrictedVariables()), "bob is not listed for the SSN");
    }
}
