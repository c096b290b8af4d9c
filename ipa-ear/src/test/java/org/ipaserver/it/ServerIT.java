package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
