package org.ipaserver.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.admin.ServerParameters;

/** The server parameters in force, under their original names. */
@Tag(name = "Server", description = "The server's parameters")
@Path("server/parameters")
@Produces(MediaType.APPLICATION_JSON)
public class ServerParametersResource {

    @Inject
    ServerParameters parameters;

    @GET
    @Operation(operationId = "getServerParameters", summary = "Read the server parameters",
            description = "The server parameters in force, under the names of the original product.")
    @APIResponse(responseCode = "200", description = "the parameters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServerParameters")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Map<String, Object> get() {
        return parameters.asMap();
    }
}
