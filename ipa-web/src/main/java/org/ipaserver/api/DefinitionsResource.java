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
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.catalog.boundary.DefinitionService;
import org.ipaserver.definition.Problem;
import org.ipaserver.flow.FlowExceptions;

/** Process definitions: list, read, validate, publish (a new version each time). */
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

    @GET
    public List<DefinitionCatalog.Summary> list() {
        return definitions.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
    public Validation validate(String json) {
        var report = definitions.validate(json);
        return new Validation(report.valid(), report.problems());
    }

    @GET
    @Path("{name}")
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
    public Response source(@PathParam("name") String name, @PathParam("version") int version) {
        var record = definitions.version(name, version)
                .orElseThrow(() -> new FlowExceptions.UnknownDefinition(name, version));
        return Response.ok(record.source(), MediaType.APPLICATION_JSON).build();
    }
}
