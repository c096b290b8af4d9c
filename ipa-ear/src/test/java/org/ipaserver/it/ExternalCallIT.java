package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RunHandler through the handler connector of the deployed EAR: the call is made after the
 * flow's commit, on the server's threads, and its answer picks the exit path.
 */
@ExtendWith(ArquillianExtension.class)
class ExternalCallIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private Api api() {
        return Api.at(contextRoot);
    }

    /** One RunHandler of {@code handler} with {@code inputs}; the exit taken lands in Outcome. */
    private String publish(String handler, String inputs, String timeout) {
        var name = "Handler" + System.nanoTime();
        var published = api().post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "Name", "type": "String", "initial": "Ann" },
                                 { "name": "Copy", "type": "String" }, { "name": "Key", "type": "String" },
                                 { "name": "Outcome", "type": "String", "initial": "success" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "RunHandler", "name": "Call", "handler": "%s", "inputs": %s, %s
                      "outputs": { "Name": "Copy", "idempotencyKey": "Key" },
                      "exits": {
                        "failure": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Outcome", "value": "failure" } ] } ],
                        "timeout": [ { "type": "UpdateVariables", "assignments": [ { "variable": "Outcome", "value": "timeout" } ] } ] } } ] } ] }
                """.formatted(name, handler, inputs, timeout == null ? "" : "\"timeout\": \"" + timeout + "\","));
        assertEquals(201, published.status(), published::toString);
        return name;
    }

    private JsonObject run(String process) {
        var launched = api().post(Api.ALICE, "flows", "{ \"definition\": \"" + process + "\" }");
        assertEquals(201, launched.status(), launched::toString);
        return api().awaitEnd(launched.json().getString("id"));
    }

    @Test
    void aJavaHandlerAnswersAndItsOutputsGoToVariables() {
        var flow = run(publish("echo", "{ \"Name\": \"${Name} Lee\" }", null));

        assertEquals("completed", flow.getString("status"), flow::toString);
        var variables = flow.getJsonObject("variables");
        assertEquals("Ann Lee", variables.getString("Copy"));
        assertEquals("success", variables.getString("Outcome"));
        assertEquals(36, variables.getString("Key").length(), "the handler received the call's idempotency key");
    }

    @Test
    void aHandlerPastItsTimeoutTakesTheTimeoutExit() {
        var flow = run(publish("sleep", "{ \"millis\": \"10000\" }", "PT1S"));

        assertEquals("completed", flow.getString("status"), flow::toString);
        assertEquals("timeout", flow.getJsonObject("variables").getString("Outcome"));
    }

    @Test
    void anUnknownHandlerTakesTheFailureExit() {
        var flow = run(publish("no-such-handler", "{}", null));

        assertEquals("completed", flow.getString("status"), flow::toString);
        assertEquals("failure", flow.getJsonObject("variables").getString("Outcome"));
    }

    @Test
    void retryAndSkipNeedTheManageRightAndAFlowInError() {
        var flow = run(publish("echo", "{}", null));
        var id = flow.getString("id");

        assertEquals(403, api().post(Api.ALICE, "flows/" + id + "/retry", null).status());
        var running = api().post(Api.ADMIN, "flows/" + id + "/retry", null);
        assertEquals(409, running.status(), running::toString);
        assertTrue(running.body().contains("only a flow in error"), running::toString);
        var noExit = api().post(Api.ADMIN, "flows/" + id + "/skip", "{}");
        assertEquals(400, noExit.status(), noExit::toString);
        assertEquals(404, api().post(Api.ADMIN, "flows/nope/retry", null).status());
    }

    @Test
    void aFlowThatFailsAtAStepShowsItInItsViewAndInSearches() {
        var name = "Failing" + System.nanoTime();
        assertEquals(201, api().post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "N", "type": "Integer", "initial": 0 } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "UpdateVariables", "assignments": [ { "variable": "N", "value": "${N + 1}" } ] },
                    { "type": "RunHandler", "handler": "echo", "inputs": {}, "outputs": {},
                      "exits": { "refer": [] } },
                    { "type": "UpdateVariables", "assignments": [ { "variable": "N", "value": "${N + 1}" } ] } ] } ] }
                """.formatted(name)).status());
        var launched = api().post(Api.ALICE, "flows", "{ \"definition\": \"" + name + "\" }").json();
        var flow = api().awaitEnd(launched.getString("id"));
        assertEquals("completed", flow.getString("status"), "success without a path goes on: " + flow);
        assertEquals(2, flow.getJsonObject("variables").getInt("N"));

        var search = api().get(Api.ADMIN, "flows?definition=" + name).json().getJsonArray("items");
        assertEquals(1, search.size());
        assertFalse(search.getJsonObject(0).containsKey("errorStep")
                && !search.getJsonObject(0).isNull("errorStep"), search::toString);
    }
}
