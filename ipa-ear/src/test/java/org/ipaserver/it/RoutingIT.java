package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workgroups, skills, presence and licences administered through the REST API of the deployed
 * EAR, and who would get a workgroup item. Members are names made up per test (routing needs no
 * realm account), so the tests share nothing.
 */
@ExtendWith(ArquillianExtension.class)
class RoutingIT {

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private Api api() {
        return Api.at(contextRoot);
    }

    private static String unique(String prefix) {
        return prefix + System.nanoTime();
    }

    private Api.Response put(Api.Credentials who, String path, String json) {
        return api().put(who, path, json);
    }

    private void ok(Api.Response response) {
        assertTrue(response.status() == 200 || response.status() == 201, response::toString);
    }

    /** Who gets an item of the workgroup requiring {@code query} (e.g. "skill.Loans=50"); null for nobody. */
    private String routedTo(String workgroup, String query) {
        var answer = api().get(Api.ADMIN, "workgroups/" + workgroup + "/routing?" + query);
        assertEquals(200, answer.status(), answer::toString);
        var json = answer.json();
        return json.containsKey("user") && !json.isNull("user") ? json.getString("user") : null;
    }

    private void member(String user, String licence, String presence, String skills) {
        ok(put(Api.ADMIN, "users/" + user + "/licence", "{\"licence\":\"" + licence + "\"}"));
        ok(put(Api.ADMIN, "users/" + user + "/presence", "{\"presence\":\"" + presence + "\"}"));
        ok(put(Api.ADMIN, "users/" + user + "/skills", skills));
    }

    @Test
    void creatingOneWorkgroupTwiceAtTheSameTimeIsAConflictNotAFailure() throws Exception {
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 5; i++) {
                var group = unique("Raced");
                var first = threads.submit(() -> put(Api.ADMIN, "workgroups/" + group, "{\"description\":\"one\"}"));
                var second = threads.submit(() -> put(Api.ADMIN, "workgroups/" + group, "{\"description\":\"two\"}"));
                var statuses = new java.util.TreeSet<Integer>();
                for (var answer : List.of(first.get(), second.get())) {
                    assertTrue(List.of(200, 201, 409).contains(answer.status()), answer::toString);
                    statuses.add(answer.status());
                }
                assertTrue(statuses.contains(201), "one of them created it: " + statuses);
                assertEquals(200, api().get(Api.ADMIN, "workgroups/" + group).status());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anItemGoesToTheAvailableLicensedMemberWhoHoldsTheSkillsBest() {
        var group = unique("Underwriters");
        String ann = group + "-ann", bob = group + "-bob", cid = group + "-cid", dan = group + "-dan",
                eve = group + "-eve";
        ok(put(Api.ADMIN, "workgroups/" + group, "{\"members\":[\"%s\",\"%s\",\"%s\",\"%s\",\"%s\"]}"
                .formatted(ann, bob, cid, dan, eve)));
        assertEquals(null, routedTo(group, "skill.Loans=50"), "nobody has said they are available");

        member(ann, "GROUP_ROUTED", "available", "{\"Loans\":80}");
        member(bob, "PROCESS_MONITOR", "available", "{\"Loans\":60}");
        member(cid, "DIRECT_ROUTED", "available", "{\"Loans\":100}");
        member(dan, "GROUP_ROUTED", "available", "{\"Loans\":40}");
        member(eve, "PROCESS_DESIGNER", "do-not-disturb", "{\"Loans\":100}");

        var answer = api().get(Api.ADMIN, "workgroups/" + group + "/routing?skill.Loans=50").json();
        assertEquals(ann, answer.getString("user"), answer::toString);
        var assessed = answer.getJsonArray("candidates").getValuesAs(JsonObject.class);
        assertEquals(List.of(ann, bob, cid, dan, eve), assessed.stream().map(c -> c.getString("user")).toList());
        assertEquals(List.of(0, 0, 0, 0, 0), assessed.stream().map(c -> c.getInt("itemsInHand")).toList());
        assertTrue(assessed.get(2).getJsonArray("excludedBecause").getString(0).contains("DIRECT_ROUTED"));
        assertEquals("skill Loans at 40, needs 50", assessed.get(3).getJsonArray("excludedBecause").getString(0));
        assertEquals("presence is do-not-disturb", assessed.get(4).getJsonArray("excludedBecause").getString(0));

        assertEquals(null, routedTo(group, "skill.Loans=50&skill.Spanish=10"), "nobody speaks Spanish");
        ok(put(Api.ADMIN, "users/" + bob + "/skills", "{\"Loans\":60,\"Spanish\":30}"));
        assertEquals(bob, routedTo(group, "skill.Loans=50&skill.Spanish=10"));

        ok(put(Api.ADMIN, "users/" + ann + "/presence", "{\"presence\":\"away\"}"));
        assertEquals(bob, routedTo(group, "skill.Loans=50"), "ann is away");
        ok(put(Api.ADMIN, "users/" + ann + "/presence", "{\"presence\":\"available\"}"));
        ok(put(Api.ADMIN, "users/" + bob + "/skills", "{\"Loans\":80}"));
        assertEquals(ann, routedTo(group, "skill.Loans=50"), "equal skills, no items in hand: by name");

        ok(put(Api.ADMIN, "users/" + cid + "/licence", "{\"licence\":\"GROUP_ROUTED\"}"));
        assertEquals(cid, routedTo(group, "skill.Loans=50"), "with a Group Routed licence cid's Loans 100 wins");
        assertEquals(ann, routedTo(group, ""), "no skills required: all score 0 and hold no items, so by name");
    }

    @Test
    void workgroupsAreCreatedUpdatedListedAndDeleted() {
        var group = unique("Collections");
        var created = put(Api.ADMIN, "workgroups/" + group, "{\"description\":\"Late payments\",\"members\":[\"ann\"]}");
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").orElseThrow().endsWith("/workgroups/" + group));
        var updated = put(Api.ADMIN, "workgroups/" + group, "{\"description\":\"Late payments, EMEA\"}");
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(List.of("ann"), names(updated.json()), "members are kept when not given");

        assertEquals(List.of("ann", "bob"), names(put(Api.ADMIN, "workgroups/" + group + "/members/bob", null).json()));
        assertEquals(List.of("bob"), names(api().delete(Api.ADMIN, "workgroups/" + group + "/members/ann").json()));
        var read = api().get(Api.BOB, "workgroups/" + group);
        assertEquals(200, read.status(), "anyone signed in reads workgroups");
        assertEquals("Late payments, EMEA", read.json().getString("description"));
        assertTrue(api().get(Api.VICTOR, "workgroups").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(w -> w.getString("name").equals(group)));

        assertEquals(204, api().delete(Api.ADMIN, "workgroups/" + group).status());
        assertEquals(404, api().get(Api.ADMIN, "workgroups/" + group).status());
        assertEquals(404, api().delete(Api.ADMIN, "workgroups/" + group).status());
        assertEquals(404, api().get(Api.ADMIN, "workgroups/" + group + "/routing").status());
        assertEquals(404, api().get(Api.ADMIN, "users/" + unique("nobody-at-all") + "/skills").status());
    }

    @Test
    void withoutTheRightNothingChanges() {
        var group = unique("Audit");
        ok(put(Api.ADMIN, "workgroups/" + group, "{\"description\":\"before\",\"members\":[\"ann\"]}"));
        var before = api().get(Api.ADMIN, "workgroups/" + group).body();

        assertEquals(403, put(Api.VICTOR, "workgroups/" + group, "{\"description\":\"after\"}").status());
        assertEquals(403, put(Api.VICTOR, "workgroups/" + group + "/members/victor", null).status());
        assertEquals(403, api().delete(Api.VICTOR, "workgroups/" + group + "/members/ann").status());
        assertEquals(403, api().delete(Api.VICTOR, "workgroups/" + group).status());
        assertEquals(403, put(Api.BOB, "workgroups/" + unique("Mine"), "{}").status());
        assertEquals(before, api().get(Api.ADMIN, "workgroups/" + group).body());

        ok(put(Api.ALICE, "users/alice/presence", "{\"presence\":\"available\"}"));
        var refused = put(Api.BOB, "users/alice/presence", "{\"presence\":\"away\"}");
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("available", api().get(Api.BOB, "users/alice/presence").json().getString("presence"));
        ok(put(Api.BOB, "users/bob/presence", "{\"presence\":\"do-not-disturb\"}"));
        ok(put(Api.ADMIN, "users/bob/presence", "{\"presence\":\"away\"}"));

        assertEquals(403, put(Api.BOB, "users/bob/skills", "{\"Loans\":100}").status(), "skills are the admin's");
        assertEquals(403, put(Api.BOB, "users/bob/licence", "{\"licence\":\"PROCESS_DESIGNER\"}").status());
        assertEquals("DIRECT_ROUTED", api().get(Api.BOB, "users/bob/licence").json().getString("licence"));
        assertEquals(403, api().get(Api.BOB, "workgroups/" + group + "/routing").status());
        assertEquals(403, api().get(Api.BOB, "users/alice/licence").status());
    }

    @Test
    void aProcessMonitorMayAskWhoWouldGetAnItem() {
        var group = unique("Watched");
        ok(put(Api.ADMIN, "workgroups/" + group, "{}"));
        assertEquals(403, api().get(Api.VICTOR, "workgroups/" + group + "/routing").status());
        ok(put(Api.ADMIN, "users/victor/licence", "{\"licence\":\"PROCESS_MONITOR\"}"));
        try {
            assertEquals(200, api().get(Api.VICTOR, "workgroups/" + group + "/routing").status());
            assertEquals(200, api().get(Api.VICTOR, "users/victor/licence").status());
            assertEquals(403, put(Api.VICTOR, "workgroups/" + group, "{}").status(), "watching is not administering");
        } finally {
            ok(put(Api.ADMIN, "users/victor/licence", "{\"licence\":\"DIRECT_ROUTED\"}"));
        }
    }

    @Test
    void badInputIs400WithTheFieldAndChangesNothing() {
        var user = unique("carl");
        ok(put(Api.ADMIN, "users/" + user + "/skills", "{\"Loans\":70}"));

        var levels = put(Api.ADMIN, "users/" + user + "/skills", "{\"Loans\":101,\"Spanish\":0,\"French\":\"fluent\",\"Maths\":50}");
        assertEquals(400, levels.status(), levels::toString);
        assertEquals(List.of("French", "Loans", "Spanish"), fields(levels.json()));
        assertEquals(70, api().get(Api.ADMIN, "users/" + user + "/skills").json().getInt("Loans"));
        assertFalse(api().get(Api.ADMIN, "users/" + user + "/skills").json().containsKey("Maths"));

        var presence = put(Api.ADMIN, "users/" + user + "/presence", "{\"presence\":\"busy\"}");
        assertEquals(400, presence.status(), presence::toString);
        assertEquals(List.of("presence"), fields(presence.json()));
        assertEquals("away", api().get(Api.ADMIN, "users/" + user + "/presence").json().getString("presence"));
        assertEquals(List.of("licence"), fields(put(Api.ADMIN, "users/" + user + "/licence", "{\"licence\":\"ROOT\"}").json()));
        assertEquals(List.of("colour"), fields(put(Api.ADMIN, "users/" + user + "/licence", "{\"colour\":\"red\"}").json()));
        assertEquals(400, put(Api.ADMIN, "users/" + user + "/presence", "[\"available\"]").status());
        assertEquals(400, put(Api.ADMIN, "users/" + user + "/skills", "null").status());
        assertEquals(70, api().get(Api.ADMIN, "users/" + user + "/skills").json().getInt("Loans"));

        var group = unique("Checks");
        ok(put(Api.ADMIN, "workgroups/" + group, "{}"));
        var routing = api().get(Api.ADMIN, "workgroups/" + group + "/routing?skill.Loans=0&skill.Spanish=x");
        assertEquals(400, routing.status(), routing::toString);
        assertEquals(List.of("skill.Loans", "skill.Spanish"), fields(routing.json()));
        assertEquals(List.of("sort"), fields(api().get(Api.ADMIN, "workgroups/" + group + "/routing?sort=name").json()));
        var members = put(Api.ADMIN, "workgroups/" + group, "{\"members\":\"ann\"}");
        assertEquals(400, members.status(), members::toString);
        assertEquals(400, put(Api.ADMIN, "workgroups/" + group, "{ not json").status());
        assertEquals(List.of(), names(api().get(Api.ADMIN, "workgroups/" + group).json()));
    }

    @Test
    void withoutCredentialsTheRoutingApiAnswers401() {
        assertEquals(401, api().get(Api.NONE, "workgroups").status());
        assertEquals(401, put(Api.NONE, "users/alice/presence", "{\"presence\":\"away\"}").status());
        assertEquals(401, put(Api.NONE, "workgroups/" + unique("Anon"), "{}").status());
    }

    private static List<String> names(JsonObject workgroup) {
        return workgroup.getJsonArray("members").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().toList();
    }
}
