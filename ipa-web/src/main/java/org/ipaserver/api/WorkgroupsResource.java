package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.routing.RoutingDecision;
import org.ipaserver.routing.RoutingService;
import org.ipaserver.routing.WorkgroupView;

/** Workgroups: list, read, create or update, delete, members, and who would get an item now. */
@Tag(name = "Workgroups", description = "Workgroups, their members, and skills-based routing")
@Path("workgroups")
@Produces(MediaType.APPLICATION_JSON)
public class WorkgroupsResource {

    private static final String SKILL = "skill.";

    /** Who would get an item now ({@code user} absent when nobody qualifies), and every member assessed. */
    public record Routing(String workgroup, Map<String, Integer> required, String user,
                          List<RoutingDecision.Assessment> candidates) {
    }

    @EJB
    RoutingService routing;

    @GET
    @Operation(operationId = "listWorkgroups", summary = "List the workgroups",
            description = "Every workgroup with its members.")
    @APIResponse(responseCode = "200", description = "the workgroups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkgroupViewList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public List<WorkgroupView> list() {
        return routing.workgroups();
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getWorkgroup", summary = "Read a workgroup",
            description = "The workgroup with its description and members.")
    @APIResponse(responseCode = "200", description = "the workgroup",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkgroupView")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkgroupView get(@PathParam("name") String name) {
        return routing.workgroup(name);
    }

    /** Without members, the members are kept; with them, they are replaced. */
    public record WorkgroupChange(String description, List<String> members) implements JsonBody {
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveWorkgroup", summary = "Create or update a workgroup",
            description = "Creates the workgroup (201) or updates it (200); members are replaced when given, kept "
                    + "otherwise. Needs ipa-admin.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "WorkgroupChange")))
    @APIResponse(responseCode = "200", description = "updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkgroupView")))
    @APIResponse(responseCode = "201", description = "created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkgroupView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response save(@PathParam("name") String name, WorkgroupChange change, @Context UriInfo uri) {
        boolean created = routing.saveWorkgroup(name, change.description(), change.members());
        var view = routing.workgroup(name);
        return created
                ? Response.created(uri.getBaseUriBuilder().path("workgroups").path(name).build()).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteWorkgroup", summary = "Delete a workgroup",
            description = "Deletes the workgroup; its memberships go with it. Needs ipa-admin.")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response delete(@PathParam("name") String name) {
        routing.deleteWorkgroup(name);
        return Response.noContent().build();
    }

    @PUT
    @Path("{name}/members/{user}")
    @Operation(operationId = "addWorkgroupMember", summary = "Add a member to a workgroup",
            description = "Needs ipa-admin.")
    @APIResponse(responseCode = "200", description = "the workgroup",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkgroupView")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkgroupView addMember(@PathParam("name") String name, @PathParam("user") String user) {
        return routing.addMember(name, user);
    }

    @DELETE
    @Path("{name}/members/{user}")
    @Operation(operationId = "removeWorkgroupMember", summary = "Remove a member from a workgroup",
            description = "Needs ipa-admin.")
    @APIResponse(responseCode = "200", description = "the workgroup",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkgroupView")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkgroupView removeMember(@PathParam("name") String name, @PathParam("user") String user) {
        return routing.removeMember(name, user);
    }

    /** {@code ?skill.Loans=50&skill.Spanish=20}: the skills the item requires, each at its minimum level. */
    @GET
    @Path("{name}/routing")
    @Operation(operationId = "previewRouting", summary = "Preview who would get a work item",
            description = "Who would get an item of this workgroup requiring the given skills (skill.<name>=<level>) "
                    + "now, and every member assessed. For ipa-admin or the Process Monitor licence.")
    @APIResponse(responseCode = "200", description = "the routing decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Routing")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Routing routing(@PathParam("name") String name, @Context UriInfo uri) {
        var required = new HashMap<String, Integer>();
        var errors = new ArrayList<FieldError>();
        uri.getQueryParameters().forEach((parameter, values) -> {
            if (!parameter.startsWith(SKILL)) {
                errors.add(new FieldError(parameter, "unknown parameter; give required skills as skill.<name>=<level>"));
            } else if (values.size() != 1) {
                errors.add(new FieldError(parameter, "give each skill once"));
            } else {
                required.put(parameter.substring(SKILL.length()), RequestBodies.wholeNumber(values.get(0)));
            }
        });
        RequestBodies.refuse(errors);
        var decision = routing.route(name, required);
        return new Routing(name, decision.required(), decision.chosen().orElse(null), decision.candidates());
    }
}
