package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.admission.LaunchAdmission;
import org.ipaserver.flow.FlowIds;
import org.ipaserver.flow.FlowSearch;
import org.ipaserver.flow.FlowService;
import org.ipaserver.flow.FlowView;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.store.StoreFailures;

/**
 * Flows: launch, read, search, cancel. One instance serves every request (it holds nothing of one):
 * made per request, its injection cost a few percent of a launch (measured).
 */
@ApplicationScoped
@Tag(name = "Flows", description = "Launch flows, follow them, and manage those in trouble")
@Path("flows")
@Produces(MediaType.APPLICATION_JSON)
public class FlowsResource {

    @EJB
    FlowService flows;
    @Inject
    LaunchAdmission admission;

    /** What to launch: the process, a version of it (else the latest) and initial variable values. */
    public record LaunchRequest(
            @NotBlank(message = "the name of a published process is required") String definition,
            @Positive(message = "must be a positive whole number") Integer version,
            /** Free-form: each value is checked against its variable's type by the engine. */
            Map<String, JsonValue> variables) implements JsonBody {
        // Declared, so that the constraints stay on the fields: on the parameters of an implicit
        // constructor they make Payara's OpenAPI scan fail (NPE in addSchemaParameter, /openapi 500).
        public LaunchRequest(String definition, Integer version, Map<String, JsonValue> variables) {
            this.definition = definition;
            this.version = version;
            this.variables = variables;
        }
    }

    public record InteractionRequest(@NotBlank(message = "the interaction to relate is required") String interactionId)
            implements JsonBody {
        public InteractionRequest(String interactionId) { // declared: see LaunchRequest
            this.interactionId = interactionId;
        }
    }

    public record SkipRequest(@NotBlank(message = "the exit path to take is required (success, failure, timeout or "
            + "a named exit of the action)") String exit) implements JsonBody {
        public SkipRequest(String exit) { // declared: see LaunchRequest
            this.exit = exit;
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "launchFlow", summary = "Launch a flow",
            description = "Launches a flow of the named process (its latest version unless one is given) with initial"
                    + " variable values, each checked against its variable's type. A flow that fails while it "
                    + "runs is still created, in status error. Answers the flow's summary (id, status, current "
                    + "state, what it waits on, its error); with Prefer: return=representation the whole flow, as "
                    + "getFlow answers it (a FlowView). Needs the launch right on the process.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "LaunchRequest")))
    @APIResponse(responseCode = "201", description = "launched; Location names the flow. The body is its summary, "
            + "or with Prefer: return=representation a FlowView (and Preference-Applied says so)",
            headers = @Header(name = ReturnPreference.APPLIED, description = "the return preference honoured, when "
                    + "one was stated", schema = @Schema(ref = "ReturnPreference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowSummary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response launch(LaunchRequest launch,
            @Parameter(description = "return=representation answers the whole flow instead of its summary "
                    + "(RFC 7240; other preferences are ignored)", schema = @Schema(ref = "ReturnPreference"))
            @HeaderParam(ReturnPreference.PREFER) List<String> prefer,
            @Context UriInfo uri) {
        var variables = launch.variables() == null ? Map.<String, JsonValue>of() : launch.variables();
        var preference = ReturnPreference.of(prefer);
        var id = FlowIds.next();
        Response.ResponseBuilder created;
        admission.admit(); // or 503: nothing is written for a launch refused for the load
        try {
            if (preference == ReturnPreference.REPRESENTATION) {
                created = Response.created(location(uri, id))
                        .entity(flows.launchAndView(id, launch.definition(), launch.version(), variables));
            } else {
                created = Response.created(location(uri, id))
                        .entity(flows.launch(id, launch.definition(), launch.version(), variables));
            }
        } catch (RuntimeException failure) {
            if (StoreFailures.outcomeUnknown(failure)) {
                throw new LaunchOutcomeUnknown(id, failure);
            }
            throw failure;
        } finally {
            admission.release();
        }
        return preference == null ? created.build()
                : created.header(ReturnPreference.APPLIED, preference.applied()).build();
    }

    /** The launch's commit went unanswered: the flow may exist; its id tells the caller what to look for. */
    static final class LaunchOutcomeUnknown extends RuntimeException {
        final String flowId;

        LaunchOutcomeUnknown(String flowId, Throwable cause) {
            super(cause);
            this.flowId = flowId;
        }
    }

    private static java.net.URI location(UriInfo uri, String id) {
        return uri.getBaseUriBuilder().path("flows").path(id).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getFlow", summary = "Read a flow",
            description = "Status, current state, variables (those under a security specification that does not list "
                    + "the caller only named in restrictedVariables), what it waits on, and its step history. For"
                    + " its launcher and users with the view right.")
    @APIResponse(responseCode = "200", description = "the flow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowView")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public FlowView get(@PathParam("id") String id) {
        return flows.view(id);
    }

    @GET
    @Operation(operationId = "searchFlows", summary = "Search flows",
            description = "A page of the flows the caller may see, newest first, filtered by process, status, state, "
                    + "launcher and start time.")
    @APIResponse(responseCode = "200", description = "a page of flows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowSearchPage")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public FlowSearch.Page search(
            @Parameter(description = "the process name") @QueryParam("definition") String definition,
            @Parameter(description = "the flow status", schema = @Schema(ref = "FlowStatus"))
            @QueryParam("status") String status,
            @Parameter(description = "the current state") @QueryParam("state") String state,
            @Parameter(description = "the user who launched it") @QueryParam("launchedBy") String launchedBy,
            @Parameter(description = "started at or after this instant", schema = @Schema(ref = "Instant"))
            @QueryParam("from") String from,
            @Parameter(description = "started before this instant", schema = @Schema(ref = "Instant"))
            @QueryParam("to") String to,
            // Taken as text, so that a bad value is named in the 400 like any bad field; documented as
            // the whole numbers a client sends. By reference: Payara fills an inline schema with noise.
            @Parameter(description = "the page, counted from 0", schema = @Schema(ref = "PageNumber"))
            @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "flows per page", schema = @Schema(ref = "PageSize"))
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
    @Operation(operationId = "relateInteraction", summary = "Relate an interaction to a flow",
            description = "Lists an interaction (a call, a chat...) among the flow's related interactions. For its "
                    + "launcher or the manage right.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "InteractionRequest")))
    @APIResponse(responseCode = "200", description = "the flow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public FlowView attachInteraction(@PathParam("id") String id, InteractionRequest interaction) {
        return flows.attachInteraction(id, interaction.interactionId());
    }

    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelFlow", summary = "Cancel a flow",
            description = "Ends a running or waiting flow as cancelled. Needs the manage right on its process.")
    @APIResponse(responseCode = "200", description = "the cancelled flow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowView")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public FlowView cancel(@PathParam("id") String id) {
        return flows.cancel(id);
    }

    /** A flow in error (an incident) or restored in error runs its step again; a call as a new attempt. */
    @POST
    @Path("{id}/retry")
    @Operation(operationId = "retryFlow", summary = "Retry a flow in error",
            description = "A flow in error (an incident) or restored-in-error runs its step again; an external call "
                    + "as a new attempt with the same idempotency key. Needs the manage right.")
    @APIResponse(responseCode = "200", description = "the flow, running again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowView")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public FlowView retry(@PathParam("id") String id) {
        return flows.retry(id);
    }

    /** The call the flow waits at ends on that exit path without being made. */
    @POST
    @Path("{id}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "skipCall", summary = "Skip the call a flow waits at",
            description = "The external call the flow waits at ends on the given exit path without being made. Needs "
                    + "the manage right.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "SkipRequest")))
    @APIResponse(responseCode = "200", description = "the flow, gone on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public FlowView skip(@PathParam("id") String id, SkipRequest skip) {
        return flows.skip(id, skip.exit());
    }
}
