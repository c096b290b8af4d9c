package org.ipaserver.definition;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the members of a CallWebService action: exactly one of {@code rest} and {@code soap}. */
final class WebServiceReader {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final DefinitionReader r;

    WebServiceReader(DefinitionReader reader) {
        this.r = reader;
    }

    ActionDef.CallWebService read(JsonObject o, String path, String label, Map<String, List<ActionDef>> exits) {
        var rest = o.get("rest") instanceof JsonObject given ? rest(given, path + ".rest") : null;
        var soap = o.get("soap") instanceof JsonObject given ? soap(given, path + ".soap") : null;
        if ((o.get("rest") == null) == (o.get("soap") == null)) {
            r.error(path, "CallWebService needs exactly one of 'rest' and 'soap'");
        } else if (rest == null && soap == null) {
            r.error(path + (o.containsKey("rest") ? ".rest" : ".soap"), "must be an object");
        }
        return new ActionDef.CallWebService(label, rest, soap, r.stringMap(o, "outputs", path),
                r.optionalString(o, "timeout", path), r.strings(o, "securitySpecifications", path), exits, path);
    }

    private WebServiceRequest.Rest rest(JsonObject o, String path) {
        r.known(o, path, Set.of("method", "url", "headers", "body"));
        var method = r.requiredString(o, "method", path);
        if (method != null && !METHODS.contains(method)) {
            r.error(path + ".method", "unknown method '" + method + "': use one of " + String.join(", ", METHODS));
        }
        return new WebServiceRequest.Rest(method, r.requiredString(o, "url", path), r.stringMap(o, "headers", path),
                body(o, path));
    }

    /** Body members are expressions; a JSON number or boolean given as such is a literal of that type. */
    private Map<String, String> body(JsonObject o, String path) {
        var body = new LinkedHashMap<String, String>();
        if (!(o.get("body") instanceof JsonObject given)) {
            if (o.containsKey("body") && o.get("body") != JsonValue.NULL) {
                r.error(path + ".body", "must be an object of JSON member → expression");
            }
            return body;
        }
        given.forEach((member, value) -> {
            if (value instanceof JsonString s) {
                body.put(member, s.getString());
            } else if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
                body.put(member, "${" + value + "}");
            } else {
                r.error(path + ".body." + member, "must be an expression, a number or a boolean");
            }
        });
        return body;
    }

    private WebServiceRequest.Soap soap(JsonObject o, String path) {
        r.known(o, path, Set.of("wsdl", "service", "port", "operation", "version", "elements"));
        var version = r.optionalString(o, "version", path);
        if (version != null && !version.equals("1.1") && !version.equals("1.2")) {
            r.error(path + ".version", "SOAP version is \"1.1\" or \"1.2\"");
        }
        return new WebServiceRequest.Soap(r.requiredString(o, "wsdl", path), r.optionalString(o, "service", path),
                r.optionalString(o, "port", path), r.requiredString(o, "operation", path),
                version == null ? "1.1" : version, r.stringMap(o, "elements", path));
    }
}
