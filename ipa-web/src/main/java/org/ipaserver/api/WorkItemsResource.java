package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.ipaserver.workitem.WorkItemService;
import org.ipaserver.workitem.WorkItemView;

/**
 * Work items of the signed-in user. Requests that change an item may carry the {@code version}
 * the client saw: if someone acted since, the answer is 409 instead of a silent overwrite.
 */
@Path("workitems")
@Produces(MediaType.APPLICATION_JSON)
public class WorkItemsResource {

    @EJB
    WorkItemService workItems;

    /** My items (alerting, processing, held), or with {@code ?workgroup=} that workgroup's queue. */
    @GET
    public List<WorkItemView> list(@QueryParam("workgroup") String workgroup) {
        return workgroup == null ? workItems.mine() : workItems.queue(workgroup);
    }

    @GET
    @Path("{id}")
    public WorkItemView get(@PathParam("id") String id) {
        return workItems.get(id);
    }

    @POST
    @Path("{id}/pickup")
    public WorkItemView pickUp(@PathParam("id") String id, String body) {
        return workItems.pickUp(id, version(optionalBody(body)));
    }

    @POST
    @Path("{id}/hold")
    public WorkItemView hold(@PathParam("id") String id, String body) {
        return workItems.hold(id, version(optionalBody(body)));
    }

    @POST
    @Path("{id}/unhold")
    public WorkItemView unhold(@PathParam("id") String id, String body) {
        return workItems.unhold(id, version(optionalBody(body)));
    }

    /** Body: {@code {"user": "bob"}} or {@code {"workgroup": "Underwriters"}}. */
    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkItemView transfer(@PathParam("id") String id, JsonValue json) {
        var body = RequestBodies.object(json);
        return workItems.transfer(id, text(body, "user"), text(body, "workgroup"), version(body));
    }

    /** Body: {@code {"values": {"field": value}, "version": 3}}. */
    @PUT
    @Path("{id}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkItemView saveDraft(@PathParam("id") String id, JsonValue json) {
        var body = RequestBodies.object(json);
        return workItems.saveDraft(id, values(body), version(body));
    }

    /** Body: {@code {"button": "Approve", "values": {"field": value}, "version": 3}}. */
    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkItemView complete(@PathParam("id") String id, JsonValue json) {
        var body = RequestBodies.object(json);
        var button = text(body, "button");
        if (button == null) {
            throw RequestBodies.invalid("button", "the button pressed is required");
        }
        return workItems.complete(id, button, values(body), version(body));
    }

    /** Pick up, hold and unhold need no body; one may carry the version the client saw. */
    private static JsonObject optionalBody(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return org.ipaserver.store.JsonFactory.readObject(body);
    }

    /** A string member (400 when it is something else), blank taken as absent. */
    private static String text(JsonObject body, String member) {
        var value = RequestBodies.string(body, member);
        return value == null || value.isBlank() ? null : value;
    }

    private static Long version(JsonObject body) {
        if (body == null || !body.containsKey("version") || body.isNull("version")) {
            return null;
        }
        if (body.get("version") instanceof JsonNumber n && n.isIntegral()) {
            return n.longValue();
        }
        throw RequestBodies.invalid("version", "must be a whole number");
    }

    private static Map<String, JsonValue> values(JsonObject body) {
        if (body == null || !body.containsKey("values") || body.isNull("values")) {
            return Map.of();
        }
        if (body.get("values") instanceof JsonObject values) {
            return values;
        }
        throw RequestBodies.invalid("values", "must be an object of field → value");
    }
}
