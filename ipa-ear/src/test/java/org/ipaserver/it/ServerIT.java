package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed EAR answers, and only to users of the realm. */
@ExtendWith(ArquillianExtension.class)
class ServerIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    @Test
    void withoutCredentialsTheApiAnswers401() {
        var response = Api.at(contextRoot).get(Api.NONE, "server/parameters");

        assertEquals(401, response.status(), response::toString);
    }

    @Test
    void withAWrongPasswordTheApiAnswers401() {
        var response = Api.at(contextRoot).get(Api.ADMIN.withPassword("wrong"), "server/parameters");

        assertEquals(401, response.status(), response::toString);
    }

    @Test
    void adminReadsTheServerParameters() {
        var response = Api.at(contextRoot).get(Api.ADMIN, "server/parameters");

        assertEquals(200, response.status(), response::toString);
        assertTrue(response.json().containsKey("PAS_DepthThreshold"), response::toString);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        var openapi = plainGet("/openapi");

        assertEquals(200, openapi.statusCode(), openapi::body);
        assertTrue(openapi.body().contains("/api/flows"), openapi::body);
        assertTrue(openapi.body().contains("/api/definitions/validate"), openapi::body);
    }

    @Test
    void theServerIsReadyOnceItsFlowStoreIsUsable() throws Exception {
        var ready = plainGet("/health/ready");

        assertEquals(200, ready.statusCode(), ready::body);
        assertTrue(ready.body().contains("ipa-flow-store"), ready::body);
        assertTrue(ready.body().contains("\"name\":\"ipa-load\",\"status\":\"UP\""), "not overloaded: " + ready.body());
        if (System.getProperty("ipa.it.db", "h2").equals("h2")) {
            assertTrue(ready.body().contains("41044"), "the embedded default database is reported: " + ready.body());
        } else {
            assertTrue(ready.body().contains("\"eventId\":\"0\""), "a server database is usable: " + ready.body());
        }
        assertFalse(ready.body().contains("jdbc") || ready.body().contains("/db/"), "the anonymous answer names "
                + "no data source or database file: " + ready.body());
        assertTrue(ready.body().contains("ipa-instance"), "the instance holds its storage ID: " + ready.body());
    }

    /** The deployed application registered its storage ID: live, its lease running, an epoch of 1 or more. */
    @Test
    void theInstanceIsRegisteredByItsStorageId() {
        var answer = Api.at(contextRoot).get(Api.ADMIN, "server/instances");
        assertEquals(200, answer.status(), answer::toString);
        var live = answer.jsonArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(i -> i.getString("status").equals("live")).toList();
        assertEquals(1, live.size(), answer::toString);
        assertTrue(live.get(0).getJsonNumber("epoch").longValue() >= 1, answer::toString);
        assertTrue(java.time.Instant.parse(live.get(0).getString("leaseUntil")).isAfter(java.time.Instant.now()),
                answer::toString);
        assertEquals(403, Api.at(contextRoot).get(Api.ALICE, "server/instances").status());
    }

    /** Server-level endpoints (outside /ipa/api), which need no credentials. */
    private java.net.http.HttpResponse<String> plainGet(String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(new URL(contextRoot, path).toURI()).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
