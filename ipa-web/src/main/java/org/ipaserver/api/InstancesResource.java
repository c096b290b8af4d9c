package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.cluster.InstanceView;
import org.ipaserver.cluster.Membership;

/** The server instances registered in the flow store, by storage ID. */
@Tag(name = "Cluster", description = "The server instances sharing the flow store, by storage ID")
@Path("server/instances")
@Produces(MediaType.APPLICATION_JSON)
public class InstancesResource {

    @EJB
    Membership membership;

    @GET
    @Operation(operationId = "listInstances", summary = "List the server instances",
            description = "Every storage ID registered in this database: its epoch (one more at each registration), "
                    + "status (live, lease-expired: it stopped renewing its lease, taken-over: a survivor took its "
                    + "flows, stopped), host, start, last heartbeat and lease. Needs ipa-admin.")
    @APIResponse(responseCode = "200", description = "the instances, by storage ID",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InstanceViewList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public List<InstanceView> list() {
        return membership.instances();
    }
}
