package org.ipaserver.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The public REST API, under /ipa/api, and what its OpenAPI document says of it as a whole: the
 * server (relative: wherever the document is served), Basic sign-in, and the error
 * answers every operation refers to by name ({@code ref = "NotFound"}), all of them problem details.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "IPA Server API", version = "1",
                description = "Define processes, launch and follow flows, work on work items, and administer "
                        + "workgroups, skills, presence, licences and rights. Every call signs in with HTTP Basic "
                        + "against the server's realm; errors are RFC 9457 problem details."),
        servers = @Server(url = "/ipa", description = "this server (relative to where the document is served)"),
        security = @SecurityRequirement(name = "basic"),
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", responseCode = "400",
                        description = "The request is refused, nothing changed: every bad field in `errors` "
                                + "(invalid-input), every problem of a definition in `problems` "
                                + "(invalid-definition), or a body that is not one JSON object (malformed-request)",
                        content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(ref = "ApiProblem"),
                                examples = @ExampleObject(name = "invalid-input", value = """
                                        {"type": "urn:ipa-server:problem:invalid-input", "title": "Bad Request",
                                         "status": 400, "detail": "invalid request: 2 bad field(s)",
                                         "errors": [{"field": "variables.LoanAmount", "reason": "must be a number"},
                                                    {"field": "variables.Colour", "reason": "no such variable"}]}"""))),
                @APIResponse(name = "Unauthorized", responseCode = "401",
                        description = "No credentials, or wrong ones: sign in with HTTP Basic (answered by the "
                                + "server, not as a problem)",
                        headers = @Header(name = "WWW-Authenticate", description = "the realm to sign in to",
                                schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                        example = "Basic realm=\"ipa\""))),
                @APIResponse(name = "Forbidden", responseCode = "403",
                        description = "The signed-in user lacks the right for this request",
                        content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(ref = "ApiProblem"),
                                examples = @ExampleObject(name = "access-denied", value = """
                                        {"type": "urn:ipa-server:problem:access-denied", "title": "Forbidden",
                                         "status": 403, "detail": "you do not have the right for this request"}"""))),
                @APIResponse(name = "NotFound", responseCode = "404",
                        description = "No such thing, or none this user may see",
                        content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(ref = "ApiProblem"),
                                examples = @ExampleObject(name = "not-found", value = """
                                        {"type": "urn:ipa-server:problem:not-found", "title": "Not Found",
                                         "status": 404, "detail": "no flow 3f2a9c1e"}"""))),
                @APIResponse(name = "Conflict", responseCode = "409",
                        description = "Its state does not allow it (conflict), or someone else changed it at the "
                                + "same time (concurrent-change: reload and try again)",
                        content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(ref = "ApiProblem"),
                                examples = @ExampleObject(name = "conflict", value = """
                                        {"type": "urn:ipa-server:problem:conflict", "title": "Conflict",
                                         "status": 409, "detail": "the work item is completed already"}"""))),
                @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                        description = "The body is not sent as application/json",
                        content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(ref = "ApiProblem"),
                                examples = @ExampleObject(name = "unsupported", value = """
                                        {"type": "about:blank", "title": "Unsupported Media Type",
                                         "status": 415, "detail": "HTTP 415 Unsupported Media Type"}"""))),
                @APIResponse(name = "ServiceUnavailable", responseCode = "503",
                        description = "Launches are refused for now: the flow store is unusable, or the flows "
                                + "waiting at start are being restored (PAS_blockLaunchDuringRestore)",
                        content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(ref = "ApiProblem"),
                                examples = @ExampleObject(name = "launches-blocked", value = """
                                        {"type": "urn:ipa-server:problem:launches-blocked",
                                         "title": "Service Unavailable", "status": 503,
                                         "detail": "launches are blocked while flows are restored"}""")))}))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A user of the server's realm (ipa)")
public class IpaApplication extends Application {
}
