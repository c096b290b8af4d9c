package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.workitem.WorkItemService;
import org.ipaserver.workitem.WorkItemView;

/**
 * Work items of the signed-in user. Requests that change an item may carry the {@code version}
 * the client saw: if someone acted since, the answer is 409 instead of a silent overwrite. One
 * instance serves every request, as {@link FlowsResource} does.
 */
@ApplicationScoped
@Tag(name = "Work items", description = "The signed-in user's work items and workgroup queues")
@Path("workitems")
@Produces(MediaType.APPLICATION_JSON)
public class WorkItemsResource {

    @EJB
    WorkItemService workItems;

    /** My items (alerting, processing, held), or with {@code ?workgroup=} that workgroup's queue. */
    @GET
    @Operation(operationId = "listWorkItems", summary = "List my work items or a queue",
            description = "The signed-in user's work items (alerting, processing, held), or with workgroup the items "
                    + "of that workgroup's queue that nobody holds (for its members).")
    @APIResponse(responseCode = "200", description = "the work items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkItemViewList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public List<WorkItemView> list(@QueryParam("workgroup") String workgroup) {
        return workgroup == null ? workItems.mine() : workItems.queue(workgroup);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWorkItem", summary = "Read a work item",
            description = "The work item with its form, values and buttons; for its holder, or a member of its "
                    + "workgroup while it is queued.")
    @APIResponse(responseCode = "200", description = "the work item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkItemView")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
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
        public CompleteRequest(String button, Map<String, JsonValue> values, Long version) { // see LaunchRequest
            this.button = button;
            this.values = values;
            this.version = version;
        }
    }

    @POST
    @Path("{id}/pickup")
    @Operation(operationId = "pickUpWorkItem", summary = "Pick up a work item",
            description = "The holder starts processing the item. The optional body carries the version the client "
                    + "saw.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "VersionRequest")))
    @APIResponse(responseCode = "200", description = "the item, processing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkItemView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkItemView pickUp(@PathParam("id") String id, String body) {
        return workItems.pickUp(id, optionalVersion(body));
    }

    @POST
    @Path("{id}/hold")
    @Operation(operationId = "holdWorkItem", summary = "Hold a work item",
            description = "The holder puts the item aside.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "VersionRequest")))
    @APIResponse(responseCode = "200", description = "the item, held",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkItemView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkItemView hold(@PathParam("id") String id, String body) {
        return workItems.hold(id, optionalVersion(body));
    }

    @POST
    @Path("{id}/unhold")
    @Operation(operationId = "unholdWorkItem", summary = "Take up a held work item again",
            description = "The holder resumes processing a held item.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "VersionRequest")))
    @APIResponse(responseCode = "200", description = "the item, processing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkItemView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkItemView unhold(@PathParam("id") String id, String body) {
        return workItems.unhold(id, optionalVersion(body));
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transferWorkItem", summary = "Transfer a work item",
            description = "The holder hands the item to another user, or back to a workgroup's queue where it is "
                    + "routed again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "TransferRequest")))
    @APIResponse(responseCode = "200", description = "the item, transferred",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkItemView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkItemView transfer(@PathParam("id") String id, TransferRequest transfer) {
        return workItems.transfer(id, blankAsNull(transfer.user()), blankAsNull(transfer.workgroup()),
                transfer.version());
    }

    @PUT
    @Path("{id}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveWorkItemDraft", summary = "Save a draft of a work item",
            description = "Keeps form values without completing the item; types and choices are checked.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DraftRequest")))
    @APIResponse(responseCode = "200", description = "the item with the values kept",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkItemView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkItemView saveDraft(@PathParam("id") String id, DraftRequest draft) {
        return workItems.saveDraft(id, orNone(draft.values()), draft.version());
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeWorkItem", summary = "Complete a work item",
            description = "The holder presses a button: the values are checked all at once (type, required, choices, "
                    + "read-only, restricted) and, when all are good, the item is completed and its flow resumes "
                    + "on the button's exit path. Nothing changes on a 400; a stale version is a 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "CompleteRequest")))
    @APIResponse(responseCode = "200", description = "the completed item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkItemView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkItemView complete(@PathParam("id") String id, CompleteRequest completion) {
        return workItems.complete(id, completion.button(), orNone(completion.values()), completion.version());
    }

    /**
     * The body of pick up, hold and unhold is optional (the request still says application/json:
     * {@code org.ipaserver.web.CrossSiteGuard}), so it is taken as text and bound here.
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
