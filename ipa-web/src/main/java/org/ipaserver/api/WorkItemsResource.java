package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotBlank;
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

    /** Pick up, hold and unhold need no body; one may carry the version the client saw. */
    public record VersionRequest(Long version) implements JsonBody {
    }

    /** To a user, or back to a workgroup's queue (routed again). */
    public record TransferRequest(String user, String workgroup, Long version) implements JsonBody {
    }

    public record DraftRequest(Map<String, JsonValue> values, Long version) implements JsonBody {
    }

    public record CompleteRequest(@NotBlank(message = "the button pressed is required") String button,
                                  Map<String, JsonValue> values, Long version) implements JsonBody {
    }

    @POST
    @Path("{id}/pickup")
    public WorkItemView pickUp(@PathParam("id") String id, String body) {
        return workItems.pickUp(id, optionalVersion(body));
    }

    @POST
    @Path("{id}/hold")
    public WorkItemView hold(@PathParam("id") String id, String body) {
        return workItems.hold(id, optionalVersion(body));
    }

    @POST
    @Path("{id}/unhold")
    public WorkItemView unhold(@PathParam("id") String id, String body) {
        return workItems.unhold(id, optionalVersion(body));
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkItemView transfer(@PathParam("id") String id, TransferRequest transfer) {
        return workItems.transfer(id, blankAsNull(transfer.user()), blankAsNull(transfer.workgroup()),
                transfer.version());
    }

    @PUT
    @Path("{id}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkItemView saveDraft(@PathParam("id") String id, DraftRequest draft) {
        return workItems.saveDraft(id, orNone(draft.values()), draft.version());
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkItemView complete(@PathParam("id") String id, CompleteRequest completion) {
        return workItems.complete(id, completion.button(), orNone(completion.values()), completion.version());
    }

    /**
     * The body of pick up, hold and unhold is optional, with or without a content type (a bare
     * {@code curl -X POST}), so it is taken as text and bound here.
     */
    private static Long optionalVersion(String body) {
        return BodyBinder.bind(StrictJsonBodies.read(body == null ? "" : body, JsonValue.class), VersionRequest.class)
                .version();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, JsonValue> orNone(Map<String, JsonValue> values) {
        return values == null ? Map.of() : values;
    }
}
