package org.ipaserver.api;

import jakarta.ejb.EJB;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipaserver.routing.PresenceView;
import org.ipaserver.routing.RoutingService;

/** What routing knows of a user of the realm: skills, presence, licence. */
@Tag(name = "Users", description = "What routing knows of a user: skills, presence, licence")
@Path("users/{user}")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    public record LicenceGrant(String user, String licence) {
    }

    @EJB
    RoutingService routing;

    @PathParam("user")
    String user;

    @GET
    @Path("skills")
    @Operation(operationId = "getUserSkills", summary = "Read a user's skills",
            description = "Skill name to level (1..100); for the user, ipa-admin or the Process Monitor licence.")
    @APIResponse(responseCode = "200", description = "the skills",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSkills")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Map<String, Integer> skills() {
        return routing.skills(user);
    }

    /** Body: {@code {"Loans": 70, "Spanish": 40}}, levels 1..100; replaces all the user's skills. */
    @PUT
    @Path("skills")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setUserSkills", summary = "Replace a user's skills",
            description = "Replaces all the user's skills; each bad level (not 1..100) is named. Needs ipa-admin.")
    @RequestBody(required = true, description = "skill name to level, 1..100",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSkills")))
    @APIResponse(responseCode = "200", description = "the skills",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSkills")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Map<String, Integer> setSkills(JsonValue body) {
        if (body == null || body == JsonValue.NULL) { // {} is fine: it takes every skill away
            throw new ErrorMappers.BadRequest("a JSON object of skill name to level is required");
        }
        return routing.setSkills(user, RequestBodies.levels(RequestBodies.object(body)));
    }

    @GET
    @Path("presence")
    @Operation(operationId = "getUserPresence", summary = "Read a user's presence",
            description = "available, away or do-not-disturb, and since when.")
    @APIResponse(responseCode = "200", description = "the presence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PresenceView")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public PresenceView presence() {
        return routing.presence(user);
    }

    /** available, away or do-not-disturb; the facade names the values it takes. */
    public record PresenceChange(String presence) implements JsonBody {
    }

    public record LicenceChange(String licence) implements JsonBody {
    }

    @PUT
    @Path("presence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setUserPresence", summary = "Change a user's presence",
            description = "For the user, or ipa-admin.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "PresenceChange")))
    @APIResponse(responseCode = "200", description = "the new presence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PresenceView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public PresenceView setPresence(PresenceChange change) {
        return routing.setPresence(user, change.presence());
    }

    @GET
    @Path("licence")
    @Operation(operationId = "getUserLicence", summary = "Read a user's licence",
            description = "For the user, ipa-admin or the Process Monitor licence.")
    @APIResponse(responseCode = "200", description = "the licence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LicenceGrant")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public LicenceGrant licence() {
        return new LicenceGrant(user, routing.licence(user).name());
    }

    @PUT
    @Path("licence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setUserLicence", summary = "Grant a user a licence",
            description = "Needs ipa-admin.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "LicenceChange")))
    @APIResponse(responseCode = "200", description = "the licence granted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LicenceGrant")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public LicenceGrant setLicence(LicenceChange change) {
        return new LicenceGrant(user, routing.setLicence(user, change.licence()).name());
    }
}
