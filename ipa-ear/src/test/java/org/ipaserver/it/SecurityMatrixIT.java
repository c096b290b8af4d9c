package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security test matrix: every endpoint of the API, as every demo user and anonymously, against
 * the deployed EAR, and the status each must get. Besides their realm roles (see {@link Api}) the
 * users hold, for the matrix's processes only: victor a Launch grant on P and (for this test) the
 * Process Designer licence; nobody, as the only member of workgroup W, View on P; the holders of
 * ipa-launch (alice, bob) Manage on P. Q has no grants. bob launched the shared flows; their work
 * items go to alice. Every mismatch is reported at once.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityMatrixIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    /** The users of every row, in the order of the expected statuses; anonymous callers get 401 everywhere. */
    private static final List<Api.Credentials> USERS = List.of(Api.ADMIN, Api.ALICE, Api.BOB, Api.VICTOR, Api.NOBODY);

    record Row(String method, String path, String body, Api.Credentials who, int expected) {
        String describe() {
            return method + " " + path + " as " + (who.user() == null ? "anonymous" : who.user());
        }
    }

    private Api api() {
        return Api.at(contextRoot);
    }

    static String process(String name, String send) {
        return """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "Note", "type": "String" } ],
                  "forms": [ { "name": "Review", "description": "Review",
                    "fields": [ { "name": "note", "variable": "Note" } ],
                    "buttons": [ { "name": "Yes" }, { "name": "No" } ] } ],
                  "states": [ { "name": "S", "actions": [ %s ] } ] }
                """.formatted(name, send);
    }

    static String toAlice(String name) {
        return process(name, "{ \"type\": \"SendWorkItemToUser\", \"form\": \"Review\", \"user\": \"alice\" }");
    }

    private String ok(Api.Response response) {
        assertTrue(response.status() / 100 == 2, response::toString);
        return response.body();
    }

    private String launch(Api.Credentials who, String process) {
        var launched = api().post(who, "flows", "{\"definition\":\"" + process + "\"}");
        ok(launched);
        return launched.json().getString("id");
    }

    /** alice's work item of a flow. */
    private String itemOf(String flowId) {
        return api().get(Api.ALICE, "workitems").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("flowId").equals(flowId)).findFirst()
                .orElseThrow(() -> new AssertionError("no work item of flow " + flowId + " for alice"))
                .getString("id");
    }

    /** A new work item of alice's, picked up by her when {@code steps} say so ("pickup", "hold"). */
    private String freshItem(String process, String... steps) {
        var id = itemOf(launch(Api.BOB, process));
        for (var step : steps) {
            ok(api().post(Api.ALICE, "workitems/" + id + "/" + step, ""));
        }
        return id;
    }

    private void grant(String kind, String principal, String right, String process) {
        ok(api().put(Api.ADMIN, "rights", """
                {"kind":"%s","principal":"%s","right":"%s","process":"%s"}""".formatted(kind, principal, right, process)));
    }

    /** The rows of one endpoint: each user with the status given in USERS order, and anonymous with 401. */
    private static void endpoint(List<Row> rows, String method, Function<Api.Credentials, String> path, String body,
                                 int... expected) {
        assertEquals(USERS.size(), expected.length, method + " expectations");
        for (int i = 0; i < USERS.size(); i++) {
            rows.add(new Row(method, path.apply(USERS.get(i)), body, USERS.get(i), expected[i]));
        }
        rows.add(new Row(method, path.apply(Api.NONE), body, Api.NONE, 401));
    }

    private static void endpoint(List<Row> rows, String method, String path, String body, int... expected) {
        endpoint(rows, method, who -> path, body, expected);
    }

    @Test
    void everyEndpointAnswersEveryUserAsExpected() {
        var tag = System.nanoTime();
        String p = "MatrixP" + tag, q = "MatrixQ" + tag, w = "MatrixW" + tag, zed = "zed" + tag;
        ok(api().post(Api.ADMIN, "definitions", toAlice(p)));
        ok(api().post(Api.ADMIN, "definitions", toAlice(q)));
        ok(api().put(Api.ADMIN, "workgroups/" + w, "{\"members\":[\"nobody\"]}"));
        grant("user", "victor", "LAUNCH", p);
        grant("workgroup", w, "VIEW", p);
        grant("role", "ipa-launch", "MANAGE", p);
        ok(api().put(Api.ADMIN, "users/alice/presence", "{\"presence\":\"away\"}")); // routing knows alice
        ok(api().put(Api.ADMIN, "users/victor/licence", "{\"licence\":\"PROCESS_DESIGNER\"}"));
        try {
            var flowP = launch(Api.BOB, p);
            var flowQ = launch(Api.BOB, q);
            var itemP = itemOf(flowP);
            var rows = new ArrayList<Row>();

            endpoint(rows, "GET", "definitions", null, 200, 200, 200, 200, 200);
            endpoint(rows, "GET", "definitions/" + p, null, 200, 200, 200, 200, 200);
            endpoint(rows, "GET", "definitions/" + p + "/versions/1", null, 200, 200, 200, 200, 200);
            endpoint(rows, "POST", "definitions/validate", toAlice(p + "V"), 200, 403, 403, 200, 403);
            endpoint(rows, "POST", "definitions", toAlice(p + "Pub"), 201, 403, 403, 201, 403);

            endpoint(rows, "POST", "flows", "{\"definition\":\"" + p + "\"}", 201, 201, 201, 201, 403);
            endpoint(rows, "POST", "flows", "{\"definition\":\"" + q + "\"}", 201, 201, 201, 403, 403);
            endpoint(rows, "GET", "flows/" + flowP, null, 200, 200, 200, 200, 200);
            endpoint(rows, "GET", "flows/" + flowQ, null, 200, 200, 200, 200, 404);
            endpoint(rows, "GET", "flows?definition=" + q, null, 200, 200, 200, 200, 200);
            endpoint(rows, "POST", who -> "flows/" + launch(Api.BOB, p) + "/cancel", null, 200, 200, 200, 403, 403);
            endpoint(rows, "POST", who -> "flows/" + launch(Api.BOB, q) + "/cancel", null, 200, 403, 403, 403, 404);
            // retry and skip need Manage; these flows wait at a work item, so a manager gets 409
            endpoint(rows, "POST", "flows/" + flowP + "/retry", null, 409, 409, 409, 403, 403);
            endpoint(rows, "POST", "flows/" + flowQ + "/retry", null, 409, 403, 403, 403, 404);
            endpoint(rows, "POST", "flows/" + flowP + "/skip", "{\"exit\":\"failure\"}", 409, 409, 409, 403, 403);
            endpoint(rows, "POST", "flows/" + flowP + "/interactions", "{\"interactionId\":\"call-1\"}",
                    200, 200, 200, 403, 403);
            endpoint(rows, "POST", "flows/" + flowQ + "/interactions", "{\"interactionId\":\"call-2\"}",
                    200, 403, 200, 403, 404);

            endpoint(rows, "GET", "workitems", null, 200, 200, 200, 200, 200);
            endpoint(rows, "GET", "workitems?workgroup=" + w, null, 403, 403, 403, 403, 200);
            endpoint(rows, "GET", "workitems/" + itemP, null, 404, 200, 404, 404, 404);
            endpoint(rows, "POST", who -> "workitems/" + freshItem(p) + "/pickup", "", 404, 200, 404, 404, 404);
            endpoint(rows, "POST", who -> "workitems/" + freshItem(p, "pickup") + "/hold", "", 404, 200, 404, 404, 404);
            endpoint(rows, "POST", who -> "workitems/" + freshItem(p, "pickup", "hold") + "/unhold", "",
                    404, 200, 404, 404, 404);
            endpoint(rows, "POST", who -> "workitems/" + freshItem(p, "pickup") + "/transfer", "{\"user\":\"bob\"}",
                    404, 200, 404, 404, 404);
            endpoint(rows, "PUT", who -> "workitems/" + freshItem(p, "pickup") + "/draft",
                    "{\"values\":{\"note\":\"n\"}}", 404, 200, 404, 404, 404);
            endpoint(rows, "POST", who -> "workitems/" + freshItem(p, "pickup") + "/complete", "{\"button\":\"Yes\"}",
                    404, 200, 404, 404, 404);

            endpoint(rows, "GET", "workgroups", null, 200, 200, 200, 200, 200);
            endpoint(rows, "GET", "workgroups/" + w, null, 200, 200, 200, 200, 200);
            endpoint(rows, "PUT", who -> "workgroups/" + w + "-new-" + who.user(), "{\"description\":\"m\"}",
                    201, 403, 403, 403, 403);
            endpoint(rows, "DELETE", who -> {
                var doomed = w + "-old-" + who.user();
                ok(api().put(Api.ADMIN, "workgroups/" + doomed, "{}"));
                return "workgroups/" + doomed;
            }, null, 204, 403, 403, 403, 403);
            endpoint(rows, "PUT", "workgroups/" + w + "/members/" + zed, null, 200, 403, 403, 403, 403);
            endpoint(rows, "DELETE", "workgroups/" + w + "/members/" + zed, null, 200, 403, 403, 403, 403);
            endpoint(rows, "GET", "workgroups/" + w + "/routing?skill.Loans=10", null, 200, 403, 403, 200, 403);

            endpoint(rows, "GET", "supervision/workgroups", null, 200, 403, 403, 200, 403);
            endpoint(rows, "GET", "supervision/workgroups/" + w, null, 200, 403, 403, 200, 403);
            endpoint(rows, "GET", "supervision/workgroups/" + w + "-none", null, 404, 403, 403, 404, 403);

            endpoint(rows, "GET", "users/alice/skills", null, 200, 200, 403, 200, 403);
            endpoint(rows, "PUT", "users/" + zed + "/skills", "{\"Loans\":10}", 200, 403, 403, 403, 403);
            endpoint(rows, "GET", "users/alice/presence", null, 200, 200, 200, 200, 200);
            endpoint(rows, "PUT", "users/alice/presence", "{\"presence\":\"away\"}", 200, 200, 403, 403, 403);
            endpoint(rows, "GET", "users/alice/licence", null, 200, 200, 403, 200, 403);
            endpoint(rows, "PUT", "users/" + zed + "/licence", "{\"licence\":\"GROUP_ROUTED\"}", 200, 403, 403, 403, 403);

            var zedGrant = "{\"kind\":\"user\",\"principal\":\"" + zed + "\",\"right\":\"VIEW\",\"process\":\"" + p + "\"}";
            endpoint(rows, "GET", "rights?process=" + p, null, 200, 403, 403, 403, 403);
            endpoint(rows, "PUT", "rights", zedGrant, 201, 403, 403, 403, 403);
            endpoint(rows, "PUT", "rights", zedGrant.replace("\"user\"", "\"team\""), 400, 403, 403, 403, 403);
            endpoint(rows, "DELETE", "rights?kind=user&principal=" + zed + "&right=VIEW&process=" + p, null,
                    204, 403, 403, 403, 403);

            endpoint(rows, "GET", "server/parameters", null, 200, 200, 200, 200, 200);
            endpoint(rows, "GET", "server/instances", null, 200, 403, 403, 403, 403);

            var mismatches = new ArrayList<String>();
            for (var row : rows) {
                var answer = api().send(row.who(), row.method(), row.path(), row.body());
                if (answer.status() != row.expected()) {
                    mismatches.add(row.describe() + ": expected " + row.expected() + ", got " + answer);
                }
            }
            if (!mismatches.isEmpty()) {
                fail(mismatches.size() + " of " + rows.size() + " requests got another status:\n"
                        + String.join("\n", mismatches));
            }
        } finally {
            ok(api().put(Api.ADMIN, "users/victor/licence", "{\"licence\":\"DIRECT_ROUTED\"}"));
        }
    }

    @Test
    void searchesFindOnlyTheFlowsTheCallerMayView() {
        var tag = System.nanoTime();
        String p = "SearchP" + tag, q = "SearchQ" + tag, w = "SearchW" + tag;
        ok(api().post(Api.ADMIN, "definitions", toAlice(p)));
        ok(api().post(Api.ADMIN, "definitions", toAlice(q)));
        ok(api().put(Api.ADMIN, "workgroups/" + w, "{\"members\":[\"nobody\"]}"));
        var flowP = launch(Api.BOB, p);
        launch(Api.BOB, q);
        launch(Api.ALICE, p);

        assertEquals(0, total(Api.NOBODY, p), "no right, no flows of his own");
        grant("workgroup", w, "VIEW", p);
        assertEquals(2, total(Api.NOBODY, p), "View on P through workgroup " + w);
        assertEquals(0, total(Api.NOBODY, q));
        assertEquals(1, total(Api.BOB, p), "his own; alice's only with View on P");
        assertEquals(1, total(Api.BOB, q), "his own");
        grant("user", "bob", "VIEW", "*");
        assertEquals(2, total(Api.BOB, p), "View on every process");

        assertEquals(204, api().delete(Api.ADMIN, "rights?kind=workgroup&principal=" + w + "&right=VIEW&process=" + p)
                .status());
        assertEquals(204, api().delete(Api.ADMIN, "rights?kind=user&principal=bob&right=VIEW&process=*").status());
        assertEquals(0, total(Api.NOBODY, p), "the grant is gone");
        assertEquals(404, api().get(Api.NOBODY, "flows/" + flowP).status());
        assertEquals(1, total(Api.BOB, p), "his own again");
    }

    private int total(Api.Credentials who, String process) {
        var page = api().get(who, "flows?definition=" + process);
        assertEquals(200, page.status(), page::toString);
        return page.json().getInt("total");
    }

    /** What the client offers: the processes one may launch, and those whose flows one may cancel and retry. */
    @Test
    void theProcessListsPerRightFollowRolesAndGrants() {
        var tag = System.nanoTime();
        String p = "ListedP" + tag, q = "ListedQ" + tag;
        ok(api().post(Api.ADMIN, "definitions", toAlice(p)));
        ok(api().post(Api.ADMIN, "definitions", toAlice(q)));
        grant("user", "victor", "LAUNCH", p);
        grant("role", "ipa-launch", "MANAGE", p);
        Function<String, List<String>> listed = query -> USERS.stream().map(who -> {
            var names = api().get(who, "definitions?" + query).jsonArray().getValuesAs(JsonObject.class).stream()
                    .map(d -> d.getString("name")).toList();
            return who.user() + ":" + (names.contains(p) ? "P" : "") + (names.contains(q) ? "Q" : "");
        }).toList();

        assertEquals(List.of("admin:PQ", "alice:PQ", "bob:PQ", "victor:P", "nobody:"), listed.apply("launchable=true"));
        assertEquals(List.of("admin:PQ", "alice:P", "bob:P", "victor:", "nobody:"), listed.apply("manageable=true"));
        assertEquals(List.of("admin:PQ", "alice:P", "bob:P", "victor:", "nobody:"),
                listed.apply("launchable=true&manageable=true"), "both: the processes one may launch and manage");
    }

    @Test
    void grantsAreAdministeredByAdminsOnlyAndBadOnesAreRefusedWithTheirFields() {
        var process = "Granted" + System.nanoTime();
        var body = "{\"kind\":\"role\",\"principal\":\"ipa-view\",\"right\":\"MANAGE\",\"process\":\"" + process + "\"}";
        assertEquals(403, api().put(Api.ALICE, "rights", body).status());
        assertEquals("[]", ok(api().get(Api.ADMIN, "rights?process=" + process)), "a refused grant changes nothing");

        var bad = api().put(Api.ADMIN, "rights", "{\"kind\":\"team\",\"principal\":\"x\",\"right\":\"DESIGN\",\"process\":\"\"}");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("kind", "right", "process"), bad.json().getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        assertEquals(400, api().put(Api.ADMIN, "rights", body.replace("ipa-view", "ipa-everything")).status(),
                "roles the application does not declare are refused");

        assertEquals(201, api().put(Api.ADMIN, "rights", body).status());
        assertEquals(200, api().put(Api.ADMIN, "rights", body).status(), "granting twice changes nothing");
        var listed = api().get(Api.ADMIN, "rights?process=" + process).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(1, listed.size());
        assertEquals("role", listed.get(0).getString("kind"));
        assertEquals("MANAGE", listed.get(0).getString("right"));

        assertEquals(403, api().delete(Api.VICTOR, "rights?kind=role&principal=ipa-view&right=MANAGE&process=" + process)
                .status());
        assertEquals(1, api().get(Api.ADMIN, "rights?process=" + process).jsonArray().size(), "a refused revoke neither");
        assertEquals(204, api().delete(Api.ADMIN, "rights?kind=role&principal=ipa-view&right=MANAGE&process=" + process)
                .status());
        assertEquals("[]", ok(api().get(Api.ADMIN, "rights?process=" + process)));
    }

    /** nobody holds the default licence, Direct Routed: a workgroup item waits in the queue rather than go to him. */
    @Test
    void aDirectRoutedMemberNeverReceivesAWorkgroupItem() {
        var tag = System.nanoTime();
        String name = "Queued" + tag, w = "QueueW" + tag;
        ok(api().put(Api.ADMIN, "workgroups/" + w, "{\"members\":[\"nobody\"]}"));
        ok(api().post(Api.ADMIN, "definitions", process(name,
                "{ \"type\": \"SendWorkItemToWorkgroup\", \"form\": \"Review\", \"workgroup\": \"" + w + "\" }")));
        ok(api().put(Api.ADMIN, "users/nobody/licence", "{\"licence\":\"DIRECT_ROUTED\"}"));
        try {
            ok(api().put(Api.NOBODY, "users/nobody/presence", "{\"presence\":\"available\"}"));
            var flow = launch(Api.ADMIN, name);
            assertEquals(0, itemsOf(Api.NOBODY, "workitems", flow), "not routed to a Direct Routed member");
            assertEquals(1, itemsOf(Api.NOBODY, "workitems?workgroup=" + w, flow), "it waits in the queue");

            ok(api().put(Api.ADMIN, "users/nobody/licence", "{\"licence\":\"GROUP_ROUTED\"}"));
            ok(api().put(Api.NOBODY, "users/nobody/presence", "{\"presence\":\"away\"}"));
            ok(api().put(Api.NOBODY, "users/nobody/presence", "{\"presence\":\"available\"}"));
            assertEquals(1, itemsOf(Api.NOBODY, "workitems", flow), "with Group Routed it is offered to him");
        } finally {
            ok(api().put(Api.ADMIN, "users/nobody/presence", "{\"presence\":\"away\"}"));
            ok(api().put(Api.ADMIN, "users/nobody/licence", "{\"licence\":\"DIRECT_ROUTED\"}"));
        }
    }

    private long itemsOf(Api.Credentials who, String path, String flowId) {
        var items = api().get(who, path);
        assertEquals(200, items.status(), items::toString);
        return items.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("flowId").equals(flowId)).count();
    }
}
