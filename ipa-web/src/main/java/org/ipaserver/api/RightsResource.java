package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.security.Grant;
import org.ipaserver.security.RightsService;

/** The Launch, View and Manage grants per user, workgroup and role (ipa-admin). */
@Tag(name = "Rights", description = "Launch, View and Manage grants")
@Path("rights")
@Produces(MediaType.APPLICATION_JSON)
public class RightsResource {

    /** One grant as the API shows it: {@code {"kind": "workgroup", "principal": "Underwriters", "right": "VIEW", "process": "CarLoan"}}. */
    public record GrantView(String kind, String principal, String right, String process) {
        static GrantView of(Grant grant) {
            return new GrantView(grant.kind().code(), grant.principal(), grant.right().name(), grant.process());
        }
    }

    /** The values are the facade's to judge, all at once (kinds, rights, roles of the application). */
    public record GrantRequest(String kind, String principal, String right, String process) implements JsonBody {
    }

    @EJB
    RightsService rights;

    /** Every grant, or with {@code ?process=} those on that process ({@code *}: those on all). */
    @GET
    @Operation(operationId = "listGrants", summary = "List the grants",
            description = "Every grant, or those on one process (* for those on every process). Needs ipa-admin.")
    @APIResponse(responseCode = "200", description = "the grants",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GrantViewList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public List<GrantView> list(@QueryParam("process") String process) {
        return rights.list(process).stream().map(GrantView::of).toList();
    }

    /** 201 when the grant is new, 200 when it was there already. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "grantRight", summary = "Grant a right",
            description = "Grants Launch, View or Manage on a process to a user, workgroup or role: 201 when new, 200"
                    + " when it was there. Each bad field is named. Needs ipa-admin.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "GrantRequest")))
    @APIResponse(responseCode = "200", description = "the grant was there already",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GrantView")))
    @APIResponse(responseCode = "201", description = "created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GrantView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response grant(GrantRequest grant, @Context UriInfo uri) {
        boolean created = rights.grant(grant.kind(), grant.principal(), grant.right(), grant.process());
        var view = new GrantView(grant.kind(), grant.principal(), grant.right(), grant.process());
        var process = grant.process();
        return created
                ? Response.created(uri.getBaseUriBuilder().path("rights").queryParam("process", process).build())
                        .entity(view).build()
                : Response.ok(view).build();
    }

    /** 204, also when there was no such grant. */
    @DELETE
    @Operation(operationId = "revokeRight", summary = "Revoke a right",
            description = "204, also when there was no such grant. Needs ipa-admin.")
    @APIResponse(responseCode = "204", description = "revoked")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response revoke(@QueryParam("kind") String kind, @QueryParam("principal") String principal,
                           @QueryParam("right") String right, @QueryParam("process") String process) {
        rights.revoke(kind, principal, right, process);
        return Response.noContent().build();
    }
}
