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
import org.ipaserver.security.Grant;
import org.ipaserver.security.RightsService;

/** The Launch, View and Manage grants per user, workgroup and role (ipa-admin). */
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
    public List<GrantView> list(@QueryParam("process") String process) {
        return rights.list(process).stream().map(GrantView::of).toList();
    }

    /** 201 when the grant is new, 200 when it was there already. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
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
    public Response revoke(@QueryParam("kind") String kind, @QueryParam("principal") String principal,
                           @QueryParam("right") String right, @QueryParam("process") String process) {
        rights.revoke(kind, principal, right, process);
        return Response.noContent().build();
    }
}
