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
import org.ipaserver.routing.PresenceView;
import org.ipaserver.routing.RoutingService;

/** What routing knows of a user of the realm: skills, presence, licence. */
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
    public Map<String, Integer> skills() {
        return routing.skills(user);
    }

    /** Body: {@code {"Loans": 70, "Spanish": 40}}, levels 1..100; replaces all the user's skills. */
    @PUT
    @Path("skills")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> setSkills(JsonValue body) {
        if (body == null || body == JsonValue.NULL) { // {} is fine: it takes every skill away
            throw new ErrorMappers.BadRequest("a JSON object of skill name to level is required");
        }
        return routing.setSkills(user, RequestBodies.levels(RequestBodies.object(body)));
    }

    @GET
    @Path("presence")
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
    public PresenceView setPresence(PresenceChange change) {
        return routing.setPresence(user, change.presence());
    }

    @GET
    @Path("licence")
    public LicenceGrant licence() {
        return new LicenceGrant(user, routing.licence(user).name());
    }

    @PUT
    @Path("licence")
    @Consumes(MediaType.APPLICATION_JSON)
    public LicenceGrant setLicence(LicenceChange change) {
        return new LicenceGrant(user, routing.setLicence(user, change.licence()).name());
    }
}
