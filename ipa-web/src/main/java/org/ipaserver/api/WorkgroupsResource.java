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
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.routing.RoutingDecision;
import org.ipaserver.routing.RoutingService;
import org.ipaserver.routing.WorkgroupView;

/** Workgroups: list, read, create or update, delete, members, and who would get an item now. */
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
    public List<WorkgroupView> list() {
        return routing.workgroups();
    }

    @GET
    @Path("{name}")
    public WorkgroupView get(@PathParam("name") String name) {
        return routing.workgroup(name);
    }

    /** Without members, the members are kept; with them, they are replaced. */
    public record WorkgroupChange(String description, List<String> members) implements JsonBody {
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("name") String name, WorkgroupChange change, @Context UriInfo uri) {
        boolean created = routing.saveWorkgroup(name, change.description(), change.members());
        var view = routing.workgroup(name);
        return created
                ? Response.created(uri.getBaseUriBuilder().path("workgroups").path(name).build()).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        routing.deleteWorkgroup(name);
        return Response.noContent().build();
    }

    @PUT
    @Path("{name}/members/{user}")
    public WorkgroupView addMember(@PathParam("name") String name, @PathParam("user") String user) {
        return routing.addMember(name, user);
    }

    @DELETE
    @Path("{name}/members/{user}")
    public WorkgroupView removeMember(@PathParam("name") String name, @PathParam("user") String user) {
        return routing.removeMember(name, user);
    }

    /** {@code ?skill.Loans=50&skill.Spanish=20}: the skills the item requires, each at its minimum level. */
    @GET
    @Path("{name}/routing")
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
