package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import org.ipaserver.flow.FlowExceptions;
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

    /** Body: {@code {"definition": "CarLoan", "version": 2, "variables": {"LoanAmount": 25000}}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response launch(JsonValue json, @Context UriInfo uri) {
        var body = RequestBodies.object(json);
        var errors = new ArrayList<FieldError>();
        String definition = body.get("definition") instanceof JsonString s && !s.getString().isBlank()
                ? s.getString() : null;
        if (definition == null) {
            errors.add(new FieldError("definition", "the name of a published process is required"));
        }
        Integer version = null;
        var rawVersion = body.get("version");
        if (rawVersion instanceof JsonNumber n && n.isIntegral() && n.intValue() > 0) {
            version = n.intValue();
        } else if (rawVersion != null && rawVersion != JsonValue.NULL) {
            errors.add(new FieldError("version", "must be a positive whole number"));
        }
        Map<String, JsonValue> variables = Map.of();
        var rawVariables = body.get("variables");
        if (rawVariables instanceof JsonObject object) {
            variables = object;
        } else if (rawVariables != null && rawVariables != JsonValue.NULL) {
            errors.add(new FieldError("variables", "must be an object of variable name → value"));
        }
        body.keySet().stream().filter(k -> !List.of("definition", "version", "variables").contains(k))
                .forEach(k -> errors.add(new FieldError(k, "unknown member")));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var view = flows.launch(definition, version, variables);
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

    /** Body: {@code {"interactionId": "call-20260131-0042"}}; the flow with its related interactions. */
    @POST
    @Path("{id}/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public FlowView attachInteraction(@PathParam("id") String id, JsonValue json) {
        var interaction = RequestBodies.object(json).get("interactionId") instanceof JsonString s ? s.getString() : null;
        return flows.attachInteraction(id, interaction);
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

    /** Body: {@code {"exit": "failure"}}: the call the flow waits at ends on that exit path without being made. */
    @POST
    @Path("{id}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    public FlowView skip(@PathParam("id") String id, JsonValue json) {
        var body = RequestBodies.object(json);
        var errors = new ArrayList<FieldError>();
        String exit = body.get("exit") instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
        if (exit == null) {
            errors.add(new FieldError("exit", "the exit path to take is required (success, failure, timeout or a "
                    + "named exit of the action)"));
        }
        body.keySet().stream().filter(k -> !k.equals("exit")).forEach(k -> errors.add(new FieldError(k,
                "unknown member")));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return flows.skip(id, exit);
    }
}
