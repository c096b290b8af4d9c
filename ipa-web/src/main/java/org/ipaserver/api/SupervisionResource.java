package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.workitem.SupervisionService;
import org.ipaserver.workitem.WorkgroupSupervision;

/** Workgroup queues as supervisors watch them. */
@Tag(name = "Supervision", description = "Workgroup queues, members' load, presence and licences, who is next")
@Path("supervision/workgroups")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    @EJB
    SupervisionService supervision;

    @GET
    @Operation(operationId = "superviseWorkgroups", summary = "Watch every workgroup's queue",
            description = "For each workgroup: the items waiting in its queue and the age of the oldest, the items "
                    + "each member holds, their presence and licence, and whom routing would give the next item now. "
                    + "For ipa-admin or the Process Monitor licence.")
    @APIResponse(responseCode = "200", description = "the workgroups, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "WorkgroupSupervisionList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public List<WorkgroupSupervision> list() {
        return supervision.workgroups();
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "superviseWorkgroup", summary = "Watch one workgroup's queue",
            description = "As the list, for one workgroup. For ipa-admin or the Process Monitor licence.")
    @APIResponse(responseCode = "200", description = "the workgroup",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkgroupSupervision")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public WorkgroupSupervision get(@PathParam("name") String name) {
        return supervision.workgroup(name);
    }
}
