package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the server serves is the API's published contract: it parses without a
 * message (swagger-parser), and every operation is documented well enough to learn and generate a
 * client from. The document is also kept as target/openapi.yaml for linters.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    private static final Path COMMITTED = Path.of("../ipa-web/src/main/openapi/ipa.yaml");
    private static final Pattern REF = Pattern.compile("#/components/(\\w+)/(\\w+)");

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    String text;
    OpenAPI api;

    @BeforeEach
    void readTheServedDocument() throws Exception {
        var answer = plainGet("/openapi", null);
        assertEquals(200, answer.statusCode(), answer::body);
        text = answer.body();
        Files.writeString(Path.of("target/openapi.yaml"), text);
        var options = new ParseOptions();
        var result = new OpenAPIV3Parser().readContents(text, null, options);
        // Payara adds a top-level "endpoints" member of its own; an application inside an EAR cannot
        // filter it out (Payara reads no mp.openapi.filter of such a web module). Anything else fails.
        var messages = result.getMessages().stream().filter(m -> !m.equals("attribute endpoints is unexpected")).toList();
        assertEquals(List.of(), messages, "swagger-parser's messages");
        api = result.getOpenAPI();
        assertNotNull(api);
    }

    @Test
    void everyOperationHasASummaryAUniqueIdATagAndItsErrors() {
        var ids = new HashSet<String>();
        var faults = new ArrayList<String>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            var name = method + " " + path;
            if (blank(operation.getSummary()) || blank(operation.getDescription())) {
                faults.add(name + ": no summary or description");
            }
            if (blank(operation.getOperationId()) || !ids.add(operation.getOperationId())) {
                faults.add(name + ": missing or duplicate operationId " + operation.getOperationId());
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                faults.add(name + ": no tag");
            }
            if (operation.getResponses().keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                faults.add(name + ": no 4xx response");
            }
            if (operation.getResponses().containsKey("default")) {
                faults.add(name + ": a generic default response");
            }
            // every request but the server's parameters and load needs the flow store, and answers 503 without it
            if (!java.util.Set.of("getServerParameters", "getServerLoad").contains(operation.getOperationId())
                    && !operation.getResponses().containsKey("503")) {
                faults.add(name + ": no 503 response (the flow store unusable)");
            }
            successSchemas(name, operation, faults);
        }));
        assertEquals(List.of(), faults);
        assertTrue(ids.size() >= 37, "operations: " + ids.size());
        assertTrue(ids.containsAll(List.of("launchFlow", "completeWorkItem", "pickUpWorkItem", "getFlow")), ids::toString);
    }

    /**
     * Every schema, request body and response with a body shows what it looks like: an example of
     * its own, or its schema's. An example of an object or array is JSON, not a string of it.
     */
    @Test
    void everyBodyHasAnExample() {
        var faults = new ArrayList<String>();
        api.getComponents().getSchemas().forEach((name, schema) -> example("schema " + name, null, schema, faults));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            var name = method + " " + path;
            if (operation.getRequestBody() != null) {
                examples(name + " request", operation.getRequestBody().getContent(), faults);
            }
            operation.getResponses().forEach((code, response) -> {
                var resolved = response.get$ref() == null ? response
                        : api.getComponents().getResponses().get(response.get$ref().replaceFirst(".*/", ""));
                examples(name + " " + code, resolved.getContent(), faults);
            });
        }));
        assertEquals(List.of(), faults);
    }

    /**
     * The resource takes page and size as text to name a bad value in its 400, but a client
     * sends whole numbers: so the document says.
     */
    @Test
    void theSearchPagesAreWholeNumbers() {
        var parameters = api.getPaths().get("/api/flows").getGet().getParameters();
        for (var name : List.of("page", "size")) {
            var schema = parameterSchema(parameters, name);
            assertEquals("integer", schema.getType(), name + ": " + schema);
            assertNotNull(schema.getMinimum(), name + ": " + schema);
        }
        assertEquals(org.ipaserver.flow.FlowSearch.MAX_PAGE_SIZE, parameterSchema(parameters, "size").getMaximum().intValue());
        assertEquals(java.util.Arrays.stream(org.ipaserver.flow.FlowStatus.values()).map(s -> s.code()).toList(),
                parameterSchema(parameters, "status").getEnum(), "the status codes of the flows");
    }

    private io.swagger.v3.oas.models.media.Schema<?> parameterSchema(
            List<io.swagger.v3.oas.models.parameters.Parameter> parameters, String name) {
        io.swagger.v3.oas.models.media.Schema<?> schema = parameters.stream().filter(p -> p.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no parameter " + name)).getSchema();
        while (schema.get$ref() != null) {
            schema = api.getComponents().getSchemas().get(schema.get$ref().replaceFirst(".*/", ""));
        }
        return schema;
    }

    @Test
    void problemsBasicSignInAndRelativeServersAreDescribedOnce() {
        var problem = api.getComponents().getSchemas().get("ApiProblem");
        assertNotNull(problem, "the problem schema");
        assertEquals(List.of("type", "title", "status", "detail", "errors", "problems", "flow"),
                List.copyOf(problem.getProperties().keySet()), problem::toString);
        var unavailable = api.getComponents().getResponses().get("ServiceUnavailable").getContent()
                .get("application/problem+json");
        assertEquals(java.util.Set.of("launches-blocked", "store-unavailable", "overloaded", "outcome-unknown"),
                unavailable.getExamples().keySet());
        var notFound = api.getComponents().getResponses().get("NotFound");
        assertNotNull(notFound.getContent().get("application/problem+json"), notFound::toString);
        var badRequest = api.getComponents().getResponses().get("BadRequest").getContent().get("application/problem+json");
        assertEquals(java.util.Set.of("invalid-input", "invalid-definition", "malformed-request"),
                badRequest.getExamples().keySet());
        var example = badRequest.getExamples().get("invalid-input").getValue();
        assertFalse(example == null || example instanceof String, "an example is JSON, not a string of it: " + example);
        var flowExample = api.getComponents().getSchemas().get("FlowView").getExample();
        assertFalse(flowExample == null || flowExample instanceof String, "FlowView's example: " + flowExample);
        var basic = api.getComponents().getSecuritySchemes().get("basic");
        assertEquals("basic", basic.getScheme());
        assertFalse(api.getServers().isEmpty());
        api.getServers().forEach(server -> assertTrue(server.getUrl().startsWith("/"), server.getUrl()));
        var flowView = api.getComponents().getSchemas().get("FlowView");
        assertEquals("date-time", ((io.swagger.v3.oas.models.media.Schema<?>) flowView.getProperties().get("startedAt"))
                .getFormat(), "the EJB module's records have their schemas too");
    }

    @Test
    void everyReferenceNamesAComponent() {
        var missing = new ArrayList<String>();
        var matcher = REF.matcher(text);
        while (matcher.find()) {
            var kind = matcher.group(1);
            var name = matcher.group(2);
            var components = switch (kind) {
                case "schemas" -> api.getComponents().getSchemas();
                case "responses" -> api.getComponents().getResponses();
                default -> null;
            };
            if (components == null || !components.containsKey(name)) {
                missing.add(matcher.group());
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * The client of the ITs is generated at build time from the committed copy of the document;
     * it must be the served one. After a change of the API, write it again with
     * {@code -Dipa.openapi.write=true} (the document as swagger-parser reads it, without Payara's
     * own members) and commit it.
     */
    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        var served = io.swagger.v3.core.util.Yaml.pretty(api);
        if (Boolean.getBoolean("ipa.openapi.write")) {
            Files.writeString(COMMITTED, served);
        }
        assertEquals(served, Files.readString(COMMITTED), COMMITTED + " is not the served document: write it again "
                + "(-Dipa.openapi.write=true) and commit it");
    }

    /** The 401 is the server's own, with no body the document could describe: its challenge is as documented. */
    @Test
    void theUnauthorizedAnswerIsTheDocumentedChallenge() throws Exception {
        var answer = plainGet("/ipa/api/flows", null);
        assertEquals(401, answer.statusCode());
        var challenge = api.getComponents().getResponses().get("Unauthorized").getHeaders().get("WWW-Authenticate");
        assertEquals(challenge.getExample(), answer.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void theApiBrowserReadsTheDocumentAndSignsInWithTheRealm() throws Exception {
        assertEquals(401, plainGet("/ipa/api-browser/", null).statusCode(), "signed in like the API");
        var page = plainGet("/ipa/api-browser/", "alice:alice");
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.body().contains("swagger-ui-bundle.js"), page::body);
        var initializer = plainGet("/ipa/api-browser/swagger-initializer.js", "alice:alice");
        assertTrue(initializer.body().contains("url: \"/openapi\""), initializer::body);
        assertEquals(200, plainGet("/ipa/api-browser/swagger-ui-bundle.js", "alice:alice").statusCode());
    }

    private HttpResponse<String> plainGet(String path, String userAndPassword) throws Exception {
        var request = HttpRequest.newBuilder(new URL(contextRoot, path).toURI());
        if (userAndPassword != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(userAndPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 2xx answer with a body says what the body is. */
    private static void successSchemas(String name, Operation operation, List<String> faults) {
        operation.getResponses().forEach((code, response) -> {
            if (code.startsWith("2") && !code.equals("204")) {
                var content = response.getContent();
                if (content == null || content.values().stream().anyMatch(m -> m.getSchema() == null)) {
                    faults.add(name + ": " + code + " without a schema");
                }
            }
        });
    }

    private void examples(String name, io.swagger.v3.oas.models.media.Content content, List<String> faults) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (media.getExamples() != null && !media.getExamples().isEmpty()) {
                media.getExamples().forEach((key, example) -> {
                    if (example.getValue() == null) {
                        faults.add(name + " " + type + ": example " + key + " has no value");
                    }
                });
            } else {
                example(name + " " + type, media.getExample(), media.getSchema(), faults);
            }
        });
    }

    /** The example given, else that of the schema (through its reference). */
    private void example(String name, Object given, io.swagger.v3.oas.models.media.Schema<?> schema, List<String> faults) {
        var resolved = schema;
        while (resolved != null && resolved.get$ref() != null) {
            resolved = api.getComponents().getSchemas().get(resolved.get$ref().replaceFirst(".*/", ""));
        }
        var example = given != null ? given : resolved == null ? null : resolved.getExample();
        if (example == null) {
            faults.add(name + ": no example");
        } else if (example instanceof String && resolved != null && !"string".equals(resolved.getType())) {
            faults.add(name + ": the example is a string, not JSON: " + example);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
