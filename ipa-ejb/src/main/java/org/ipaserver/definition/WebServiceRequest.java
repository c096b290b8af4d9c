package org.ipaserver.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request of a CallWebService action. Every variable part becomes one input, named by its
 * member path: {@code rest.url[2]} (the URL's third segment, an expression evaluated alone so
 * that its value is URL-encoded and never changes the host), {@code rest.headers.X-Channel},
 * {@code rest.body.amount}, {@code soap.elements.creditScore}.
 */
public final class WebServiceRequest {

    private WebServiceRequest() {
    }

    /** url: a template whose scheme, host and port are literal; body: JSON member → expression. */
    public record Rest(String method, String url, Map<String, String> headers, Map<String, String> body) {

        /** The URL cut into literal texts and expressions, in order. */
        public List<Segment> urlSegments() {
            return segments(url);
        }

        Map<String, String> inputs() {
            var inputs = new LinkedHashMap<String, String>();
            var segments = urlSegments();
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).expression()) {
                    inputs.put("rest.url[" + i + "]", segments.get(i).text());
                }
            }
            headers.forEach((name, value) -> inputs.put("rest.headers." + name, value));
            body.forEach((name, value) -> inputs.put("rest.body." + name, value));
            return inputs;
        }
    }

    /** A SOAP 1.1 or 1.2 operation from a WSDL; elements: child of the request element → expression. */
    public record Soap(String wsdl, String service, String port, String operation, String version,
                       Map<String, String> elements) {

        Map<String, String> inputs() {
            var inputs = new LinkedHashMap<String, String>();
            elements.forEach((name, value) -> inputs.put("soap.elements." + name, value));
            return inputs;
        }
    }

    /** A piece of the URL template: literal text, or an expression ({@code ${...}}). */
    public record Segment(String text, boolean expression) {
    }

    /** The definition member an input comes from: rest.url[2] comes from rest.url. */
    static String memberPath(String input) {
        return input.startsWith("rest.url[") ? "rest.url" : input;
    }

    static List<Segment> segments(String template) {
        var segments = new ArrayList<Segment>();
        if (template == null) {
            return segments;
        }
        int literalStart = 0;
        int i = 0;
        while (i < template.length() - 1) {
            char c = template.charAt(i);
            if ((c == '$' || c == '#') && template.charAt(i + 1) == '{' && (i == 0 || template.charAt(i - 1) != '\\')) {
                int end = closingBrace(template, i + 2);
                if (end < 0) {
                    break; // an unclosed expression: the whole rest is one, and compiling it names the problem
                }
                if (i > literalStart) {
                    segments.add(new Segment(template.substring(literalStart, i), false));
                }
                segments.add(new Segment(template.substring(i, end + 1), true));
                i = end + 1;
                literalStart = i;
                continue;
            }
            i++;
        }
        if (literalStart < template.length()) {
            var rest = template.substring(literalStart);
            segments.add(new Segment(rest, rest.contains("${") || rest.contains("#{")));
        }
        return segments;
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                while (close > 0 && text.charAt(close - 1) == '\\') {
                    close = text.indexOf(c, close + 1);
                }
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
