package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.flow.FlowSearch;
import org.ipaserver.flow.FlowService;
import org.ipaserver.flow.FlowView;
import org.ipaserver.refusal.InvalidInput;

/** Flows: launch, read, search, cancel. */
@Path("flows")
@Produces(MediaType.APPLICATION_JSON)
public class FlowsResource {

    @EJB
    FlowService flows;

    /** What to launch: the process, a version of it (else the latest) and initial variable values. */
    public record LaunchRequest(
            @NotBlank(message = "the name of a published process is required") String definition,
            @Positive(message = "must be a positive whole number") Integer version,
            /** Free-form: each value is checked against its variable's type by the engine. */
            Map<String, JsonValue> variables) implements JsonBody {
    }

    public record InteractionRequest(@NotBlank(message = "the interaction to relate is required") String interactionId)
            implements JsonBody {
    }

    public record SkipRequest(@NotBlank(message = "the exit path to take is required (success, failure, timeout or "
            + "a named exit of the action)") String exit) implements JsonBody {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response launch(LaunchRequest launch, @Context UriInfo uri) {
        var view = flows.launch(launch.definition(), launch.version(),
                launch.variables() == null ? Map.of() : launch.variables());
        return Response.created(uri.getBaseUriBuilder().path("flows").path(view.id()).build()).entity(view).build();
    }

    @GET
    @Path("{id}")
    public FlowView get(@PathParam("id") String id) {
        return flows.view(id);
    }

    @GET
    public FlowSearch.Page search(@QueryParam("definition") String definition, @QueryParam("status") String status,
                                  @QueryParam("state") String state, @QueryParam("launchedBy") String launchedBy,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("page") @DefaultValue("0") String page,
                                  @QueryParam("size") @DefaultValue("50") String size) {
        var errors = new ArrayList<FieldError>();
        var query = new Object() {
            Instant time(String name, String value) {
                try {
                    return value == null ? null : Instant.parse(value);
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-01-31T09:30:00Z"));
                    return null;
                }
            }

            int number(String name, String value) {
                try {
                    return Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(name, "must be a whole number"));
                    return name.equals("size") ? 50 : 0;
                }
            }
        };
        var fromTime = query.time("from", from);
        var toTime = query.time("to", to);
        int pageNumber = query.number("page", page);
        int pageSize = query.number("size", size);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return flows.search(new FlowSearch.Query(definition, status, state, launchedBy, fromTime, toTime,
                pageNumber, pageSize));
    }

    /** The flow with its related interactions. */
    @POST
    @Path("{id}/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public FlowView attachInteraction(@PathParam("id") String id, InteractionRequest interaction) {
        return flows.attachInteraction(id, interaction.interactionId());
    }

    @POST
    @Path("{id}/cancel")
    public FlowView cancel(@PathParam("id") String id) {
        return flows.cancel(id);
    }

    /** A flow in error (an incident) or restored in error runs its step again; a call as a new attempt. */
    @POST
    @Path("{id}/retry")
    public FlowView retry(@PathParam("id") String id) {
        return flows.retry(id);
    }

    /** The call the flow waits at ends on that exit path without being made. */
    @POST
    @Path("{id}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    public FlowView skip(@PathParam("id") String id, SkipRequest skip) {
        return flows.skip(id, skip.exit());
    }
}
