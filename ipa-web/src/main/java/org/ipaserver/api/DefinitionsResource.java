package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.catalog.boundary.DefinitionService;
import org.ipaserver.definition.Problem;
import org.ipaserver.flow.FlowExceptions;
import org.ipaserver.security.Right;

/** Process definitions: list, read, validate, publish (a new version each time). */
@Tag(name = "Definitions", description = "Process definitions: validate, publish, read")
@Path("definitions")
@Produces(MediaType.APPLICATION_JSON)
public class DefinitionsResource {

    public record Version(String name, int version, String description, Instant publishedAt, String publishedBy,
                          boolean testVersion) {
    }

    public record Definition(String name, List<Version> versions) {
    }

    public record Validation(boolean valid, List<Problem> problems) {
    }

    @EJB
    DefinitionService definitions;
    @EJB
    org.ipaserver.flow.FlowService flows;

    @GET
    @Operation(operationId = "listDefinitions", summary = "List the processes",
            description = "Every published process with its latest version (test versions are never the latest); "
                    + "with launchable=true only those the caller may launch, with manageable=true only those whose "
                    + "flows the caller may cancel and retry, with viewable=true only those whose flows and reports the "
                    + "caller may view.")
    @APIResponse(responseCode = "200", description = "the processes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DefinitionCatalogSummaryList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public List<DefinitionCatalog.Summary> list(
            @Parameter(description = "only the processes the caller may launch (Launch right by role or grant)")
            @jakarta.ws.rs.QueryParam("launchable") boolean launchable,
            @Parameter(description = "only the processes the caller may manage (Manage right by role or grant)")
            @jakarta.ws.rs.QueryParam("manageable") boolean manageable,
            @Parameter(description = "only the processes the caller may view (View right by role or grant)")
            @jakarta.ws.rs.QueryParam("viewable") boolean viewable) {
        var processes = launchable ? flows.launchable() : definitions.list();
        if (manageable) {
            processes = only(processes, Right.MANAGE);
        }
        if (viewable) {
            processes = only(processes, Right.VIEW);
        }
        return processes;
    }

    private List<DefinitionCatalog.Summary> only(List<DefinitionCatalog.Summary> processes, Right right) {
        var allowed = flows.allowing(right).stream().map(DefinitionCatalog.Summary::name).collect(Collectors.toSet());
        return processes.stream().filter(process -> allowed.contains(process.name())).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishDefinition", summary = "Publish a definition",
            description = "Validates the definition document (see the definition format) and publishes it as the next"
                    + " version of its process; with test=true as a test version, which only designers launch, by"
                    + " its number. Needs the designer licence or role.")
    @RequestBody(required = true, description = "a definition document (docs/definition-format.md)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DefinitionDocument")))
    @APIResponse(responseCode = "201", description = "published; Location names the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DefinitionCatalogPublished")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response publish(String json, @jakarta.ws.rs.QueryParam("test") boolean test,
                            @jakarta.ws.rs.core.Context UriInfo uri) {
        var published = definitions.publish(json, test);
        var location = uri.getBaseUriBuilder().path("definitions").path(published.name()).path("versions")
                .path(String.valueOf(published.version())).build();
        return Response.created(location).entity(published).build();
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "validateDefinition", summary = "Validate a definition",
            description = "Checks a definition document without publishing it and lists every problem with its JSON "
                    + "path.")
    @RequestBody(required = true, description = "a definition document (docs/definition-format.md)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DefinitionDocument")))
    @APIResponse(responseCode = "200", description = "the report, valid or not",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Validation")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Validation validate(String json) {
        var report = definitions.validate(json);
        return new Validation(report.valid(), report.problems());
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "listDefinitionVersions", summary = "List the versions of a process",
            description = "Every version of the named process, test versions flagged.")
    @APIResponse(responseCode = "200", description = "the versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Definition")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Definition versions(@PathParam("name") String name) {
        var versions = definitions.versions(name).stream()
                .map(d -> new Version(d.name(), d.version(), d.description(), d.publishedAt(), d.publishedBy(),
                        d.testVersion()))
                .toList();
        if (versions.isEmpty()) {
            throw new FlowExceptions.UnknownDefinition(name, null);
        }
        return new Definition(name, versions);
    }

    /** The JSON document of one version, as published. */
    @GET
    @Path("{name}/versions/{version}")
    @Operation(operationId = "getDefinitionVersion", summary = "Read one version of a definition",
            description = "The JSON document of that version, as it was published.")
    @APIResponse(responseCode = "200", description = "the definition document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DefinitionDocument")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response source(@PathParam("name") String name, @PathParam("version") int version) {
        var record = definitions.version(name, version)
                .orElseThrow(() -> new FlowExceptions.UnknownDefinition(name, version));
        return Response.ok(record.source(), MediaType.APPLICATION_JSON).build();
    }
}
