package org.ipaserver.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small client of the public REST API (/ipa/api) for the integration tests: every call is made
 * as a given user (HTTP Basic) or anonymously, and answers status, body and headers.
 *
 * <pre>
 * Api api = Api.at(contextRoot);               // the {@code @ArquillianResource URL} of the web module
 * Api.Response r = api.get(Api.ADMIN, "server/parameters");
 * assertEquals(200, r.status(), r::toString);
 * int depth = r.json().getInt("PAS_DepthThreshold");
 * </pre>
 */
public final class Api {

    /** User name and password of a realm user; {@link #NONE} sends no credentials. */
    public record Credentials(String user, String password) {

        /** A demo user: their password is their name. */
        public static Credentials user(String name) {
            return new Credentials(name, name);
        }

        public Credentials withPassword(String otherPassword) {
            return new Credentials(user, otherPassword);
        }
    }

    public static final Credentials NONE = new Credentials(null, null);
    // The demo users of the realm "ipa" (ipa-ear/src/main/domain/configure-domain.sh).
    public static final Credentials ADMIN = Credentials.user("admin");   // designer, launch, view, manage, admin
    public static final Credentials ALICE = Credentials.user("alice");   // launch, view
    public static final Credentials BOB = Credentials.user("bob");       // launch
    public static final Credentials VICTOR = Credentials.user("victor"); // view
    public static final Credentials NOBODY = Credentials.user("nobody"); // no group

    /** An answer of the server. */
    public record Response(int status, String body, HttpHeaders headers) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonValue jsonValue() {
            return parse(body);
        }

        public JsonObject json() {
            return jsonValue().asJsonObject();
        }

        public JsonArray jsonArray() {
            return jsonValue().asJsonArray();
        }

        /** For assertion messages: status and the start of the body. */
        @Override
        public String toString() {
            var shown = body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
            return "HTTP " + status + ": " + shown;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Api(URI base) {
        this.base = base;
    }

    /** The API of the web module whose context root is given (e.g. http://localhost:29080/ipa/). */
    public static Api at(URL contextRoot) {
        var root = contextRoot.toString();
        return new Api(URI.create(root.endsWith("/") ? root + "api/" : root + "/api/"));
    }

    /** Where {@code path} (relative to /ipa/api/, may carry a query) points to. */
    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Response get(Credentials who, String path) {
        return send(who, "GET", path, null);
    }

    public Response post(Credentials who, String path, String json) {
        return send(who, "POST", path, json);
    }

    public Response put(Credentials who, String path, String json) {
        return send(who, "PUT", path, json);
    }

    public Response delete(Credentials who, String path) {
        return send(who, "DELETE", path, null);
    }

    /**
     * Any method; a non-null body is sent as application/json, and so is every POST (the server
     * refuses a POST of another type, body or not, as a guard against other sites' forms); more headers
     * are given as name, value, ...
     */
    public Response send(Credentials who, String method, String path, String json, String... headers) {
        var request = HttpRequest.newBuilder(uri(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null || method.equals("POST")) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        if (who.user() != null) {
            var token = who.user() + ":" + who.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(answer.statusCode(), answer.body(), answer.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri(path) + " interrupted", e);
        }
    }

    /** The flow (as admin) once it is neither running nor waiting, or as it is after 30 s. */
    public JsonObject awaitEnd(String flowId) {
        return awaitFlow(flowId, Duration.ofSeconds(30), flow -> !flow.getString("status").equals("waiting")
                && !flow.getString("status").equals("running"));
    }

    /** The flow (as admin) once {@code done} holds, polled every 100 ms, or as it is after {@code within}. */
    public JsonObject awaitFlow(String flowId, Duration within, Predicate<JsonObject> done) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject flow = get(ADMIN, "flows/" + flowId).json();
        while (!done.test(flow) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            flow = get(ADMIN, "flows/" + flowId).json();
        }
        return flow;
    }

    /** Parses JSON text (JSON-P). */
    public static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
