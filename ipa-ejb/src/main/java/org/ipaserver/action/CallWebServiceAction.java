package org.ipaserver.action;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipaserver.definition.ActionDef.CallWebService;
import org.ipaserver.definition.WebServiceRequest;

/**
 * Calls a REST/JSON service (method, URL template, headers, a body from variables, JSON Pointer
 * outputs) or a SOAP 1.1/1.2 operation named in a WSDL read at publish time. Exactly one of
 * {@code rest} and {@code soap}; {@link WebServiceChecks} holds what publishing checks of them.
 */
final class CallWebServiceAction extends ExternalAction<CallWebService> {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Override
    public List<String> names() {
        return List.of("CallWebService");
    }

    @Override
    public Class<CallWebService> model() {
        return CallWebService.class;
    }

    @Override
    List<String> ownMembers() {
        return List.of("rest", "soap", "outputs");
    }

    @Override
    CallWebService read(ActionJson json, Shared shared) {
        var rest = json.object("rest");
        var soap = json.object("soap");
        var o = json.json();
        if ((o.get("rest") == null) == (o.get("soap") == null)) {
            json.error(json.path(), "CallWebService needs exactly one of 'rest' and 'soap'");
        } else if (rest == null && soap == null) {
            json.error(json.path() + (o.containsKey("rest") ? ".rest" : ".soap"), "must be an object");
        }
        return new CallWebService(json.label(), rest == null ? null : rest(rest), soap == null ? null : soap(soap),
                json.stringMap("outputs"), shared.timeout(), shared.trusted(), shared.exits(), json.path());
    }

    private static WebServiceRequest.Rest rest(ActionJson json) {
        json.known(Set.of("method", "url", "headers", "body"));
        var method = json.requiredString("method");
        if (method != null && !METHODS.contains(method)) {
            json.error(json.path() + ".method", "unknown method '" + method + "': use one of "
                    + String.join(", ", METHODS));
        }
        return new WebServiceRequest.Rest(method, json.requiredString("url"), json.stringMap("headers"), body(json));
    }

    /** Body members are expressions; a JSON number or boolean given as such is a literal of that type. */
    private static Map<String, String> body(ActionJson json) {
        var body = new LinkedHashMap<String, String>();
        var given = json.json().get("body");
        if (!(given instanceof JsonObject members)) {
            if (given != null && given != JsonValue.NULL) {
                json.error(json.path() + ".body", "must be an object of JSON member → expression");
            }
            return body;
        }
        members.forEach((member, value) -> {
            if (value instanceof JsonString s) {
                body.put(member, s.getString());
            } else if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
                body.put(member, "${" + value + "}");
            } else {
                json.error(json.path() + ".body." + member, "must be an expression, a number or a boolean");
            }
        });
        return body;
    }

    private static WebServiceRequest.Soap soap(ActionJson json) {
        json.known(Set.of("wsdl", "service", "port", "operation", "version", "elements"));
        var version = json.optionalString("version");
        if (version != null && !version.equals("1.1") && !version.equals("1.2")) {
            json.error(json.path() + ".version", "SOAP version is \"1.1\" or \"1.2\"");
        }
        return new WebServiceRequest.Soap(json.requiredString("wsdl"), json.optionalString("service"),
                json.optionalString("port"), json.requiredString("operation"), version == null ? "1.1" : version,
                json.stringMap("elements"));
    }

    @Override
    void checkOwn(CallWebService call, ActionCheck check, Map<String, Object> samples) {
        new WebServiceChecks(check).check(call);
    }
}
