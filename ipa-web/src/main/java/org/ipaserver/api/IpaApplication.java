package org.ipaserver.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The public REST API, under /ipa/api, and what its OpenAPI document says of it as a whole: the
 * server (relative: wherever the document is served) and Basic sign-in. The error answers every
 * operation refers to by name ({@code ref = "NotFound"}), all of them problem details, are in the
 * static part of the document (src/main/openapi/responses.json, into META-INF/openapi.json).
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "IPA Server API", version = "1",
                description = "Define processes, launch and follow flows, work on work items, and administer "
                        + "workgroups, skills, presence, licences and rights. Every call signs in with HTTP Basic "
                        + "against the server's realm; errors are RFC 9457 problem details."),
        servers = @Server(url = "/ipa", description = "this server (relative to where the document is served)"),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A user of the server's realm (ipa)")
public class IpaApplication extends Application {
}
