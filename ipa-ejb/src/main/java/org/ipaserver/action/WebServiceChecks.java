package org.ipaserver.action;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ipaserver.definition.ActionDef.CallWebService;
import org.ipaserver.definition.WebServiceRequest;

/**
 * What a CallWebService action must satisfy beyond any external action: a URL whose scheme, host
 * and port are literal (a variable can then change only the path or query, URL-encoded), headers
 * the call does not set itself, outputs it can produce and exits it can take.
 */
final class WebServiceChecks {

    /** Outputs every call gives besides the answer's own: HTTP status code and reason phrase. */
    static final Set<String> CALL_OUTPUTS = Set.of("status", "message");
    /** Outputs of a SOAP fault. */
    static final Set<String> FAULT_OUTPUTS = Set.of("faultCode", "faultString");

    private static final Pattern LITERAL_ORIGIN = Pattern.compile("(?i)(https?)://([^/?#]+)([/?#].*)?");
    private static final Pattern STATUS_EXIT = Pattern.compile("[1-5]([0-9][0-9]|xx)");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern POINTER = Pattern.compile("(/([^~]|~[01])*)+");
    private static final Set<String> OWN_HEADERS = Set.of("idempotency-key", "host", "content-length");

    private final ActionCheck check;

    WebServiceChecks(ActionCheck check) {
        this.check = check;
    }

    void check(CallWebService call) {
        exits(call);
        if (call.rest() != null) {
            rest(call.rest(), call.path() + ".rest");
            call.outputs().keySet().stream().filter(o -> !CALL_OUTPUTS.contains(o) && !POINTER.matcher(o).matches())
                    .forEach(o -> error(call.path() + ".outputs." + o, "an output is a JSON Pointer into the answer "
                            + "(such as /data/score), 'status' or 'message'"));
        } else if (call.soap() != null) {
            new WsdlChecks(check).check(call.soap(), call.outputs(), call.path());
        }
    }

    private void rest(WebServiceRequest.Rest rest, String path) {
        if (rest.url() != null) {
            url(rest, path + ".url");
        }
        rest.headers().keySet().forEach(name -> {
            if (!TOKEN.matcher(name).matches()) {
                error(path + ".headers." + name, "not a valid HTTP header name");
            } else if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                error(path + ".headers." + name, "the call sets header '" + name + "' itself");
            }
        });
        if (!rest.body().isEmpty() && ("GET".equals(rest.method()) || "DELETE".equals(rest.method()))) {
            error(path + ".body", rest.method() + " requests carry no body: use POST, PUT or PATCH");
        }
    }

    private void url(WebServiceRequest.Rest rest, String path) {
        var segments = rest.urlSegments();
        var first = segments.isEmpty() || segments.get(0).expression() ? null
                : LITERAL_ORIGIN.matcher(segments.get(0).text());
        if (first == null || !first.matches() || (first.group(3) == null && segments.size() > 1)) {
            error(path, "the URL starts with a literal http:// or https:// address up to its path (variables may "
                    + "only fill the path and query, so that no value can change the host)");
            return;
        }
        try {
            var origin = URI.create(first.group(1) + "://" + first.group(2));
            if (origin.getHost() == null || origin.getRawUserInfo() != null) {
                error(path, "the URL names no valid host (user and password do not belong in it: use a header)");
            }
        } catch (IllegalArgumentException e) {
            error(path, "the URL names no valid host: " + e.getMessage());
        }
    }

    private void exits(CallWebService call) {
        call.exits().keySet().stream()
                .filter(e -> !Set.of("success", "failure", "timeout").contains(e) && !STATUS_EXIT.matcher(e).matches())
                .forEach(e -> error(call.path() + ".exits." + e, "CallWebService exits are success, failure, timeout "
                        + "and HTTP statuses such as 404 or 5xx"));
    }

    private void error(String path, String message) {
        check.error(path, message);
    }
}
