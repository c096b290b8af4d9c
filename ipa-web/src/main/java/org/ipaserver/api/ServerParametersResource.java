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
import org.ipaserver.admission.InstanceLoad;
import org.ipaserver.admission.LaunchAdmission;

/** The server parameters in force, under their original names, and this instance's load. */
@Tag(name = "Server", description = "The server's parameters and load")
@Path("server")
@Produces(MediaType.APPLICATION_JSON)
public class ServerParametersResource {

    @Inject
    ServerParameters parameters;
    @Inject
    LaunchAdmission admission;

    @GET
    @Path("parameters")
    @Operation(operationId = "getServerParameters", summary = "Read the server parameters",
            description = "The server parameters in force, under the names of the original product.")
    @APIResponse(responseCode = "200", description = "the parameters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServerParameters")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Map<String, Object> get() {
        return parameters.asMap();
    }

    @GET
    @Path("load")
    @Operation(operationId = "getServerLoad", summary = "Read this instance's load",
            description = "idle (nothing launched for 10 s), normal, busy (every launch slot taken, or launches "
                    + "wait) or overloaded (a launch waited longer than ipa.admission.overloadedAfterMillis: new "
                    + "launches are refused with 503 overloaded, or queued, as ipa.admission.whenOverloaded says); "
                    + "the slots, the launches running and waiting, and the counts since the start.")
    @APIResponse(responseCode = "200", description = "the load",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InstanceLoad")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public InstanceLoad load() {
        return admission.load();
    }
}
