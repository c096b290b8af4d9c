package org.ipaserver.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.ipaserver.admin.ServerParameters;

/** The server parameters in force, under their original names. */
@Path("server/parameters")
@Produces(MediaType.APPLICATION_JSON)
public class ServerParametersResource {

    @Inject
    ServerParameters parameters;

    @GET
    public Map<String, Object> get() {
        return parameters.asMap();
    }
}
