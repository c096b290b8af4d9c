package org.ipaserver.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The server under test (./ipa start) as an integration reaches it: the REST API with HTTP Basic,
 * for setting the scene (workgroups, definitions) and for checking what a page did or did not change.
 */
final class Server {

    static final String HTTP = System.getProperty("ipa.browser.http", "http://localhost:8080/ipa/");
    static final String HTTPS = System.getProperty("ipa.browser.https", "https://localhost:8181/ipa/");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Server() {
    }

    record Answer(int status, String body) {
        JsonValue json() {
            return Json.createReader(new StringReader(body)).readValue();
        }

        JsonObject object() {
            return json().asJsonObject();
        }
    }

    static Answer get(String user, String path) {
        return send(user, "GET", path, null);
    }

    static Answer post(String user, String path, String json) {
        return send(user, "POST", path, json);
    }

    static Answer put(String user, String path, String json) {
        return send(user, "PUT", path, json);
    }

    /** A call of /ipa/api as a demo user (password = name); changes go as JSON. */
    static Answer send(String user, String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(HTTP + "api/" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        try {
            var answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many flows of a process a user launched (asked as admin). */
    static int flowsLaunchedBy(String process, String user) {
        return get("admin", "flows?definition=" + process + "&launchedBy=" + user + "&size=1").object().getInt("total");
    }

    /**
     * Car Loan's review goes to alice: a member of Underwriters, routed group items (licence),
     * the best Loans skill, available. Added to what the server has (her other skills stay).
     */
    static void aliceUnderwrites() {
        if (get("admin", "workgroups/Underwriters").status() == 404) {
            require(put("admin", "workgroups/Underwriters", "{\"description\":\"Loan reviews\",\"members\":[\"alice\"]}"));
        } else {
            require(put("admin", "workgroups/Underwriters/members/alice", null));
        }
        require(put("admin", "users/alice/licence", "{\"licence\":\"GROUP_ROUTED\"}"));
        var skills = get("admin", "users/alice/skills");
        var merged = Json.createObjectBuilder(skills.status() == 200 ? skills.object() : JsonValue.EMPTY_JSON_OBJECT)
                .add("Loans", 100).build();
        require(put("admin", "users/alice/skills", merged.toString()));
        require(put("alice", "users/alice/presence", "{\"presence\":\"available\"}"));
    }

    /** Runs the repository's ./ipa with these arguments (stop, start --no-build) and waits for it. */
    static void ipa(String... arguments) {
        var root = java.nio.file.Path.of(System.getProperty("ipa.browser.root", "..")).toAbsolutePath().normalize();
        var command = new java.util.ArrayList<>(java.util.List.of(root.resolve("ipa").toString()));
        command.addAll(java.util.List.of(arguments));
        try {
            var process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer require(Answer answer) {
        if (answer.status() >= 300) {
            throw new IllegalStateException("the server refused the test's setup: " + answer);
        }
        return answer;
    }
}
