package org.ipaserver.api;

import java.util.List;
import java.util.Locale;

/**
 * What a client prefers a call that creates something to answer (RFC 7240, {@code Prefer:
 * return=minimal} or {@code return=representation}): the created thing's summary, which costs
 * nothing more to make, or its whole view, which costs reads the launcher may not need.
 */
enum ReturnPreference {

    MINIMAL, REPRESENTATION;

    static final String PREFER = "Prefer";
    static final String APPLIED = "Preference-Applied";

    /** The {@code Preference-Applied} value saying this preference was honoured. */
    String applied() {
        return "return=" + name().toLowerCase(Locale.ROOT);
    }

    /**
     * The return preference of the request's {@code Prefer} headers, or null when they state none
     * (or one this server does not know). Names and values are case-insensitive and values may be
     * quoted; other preferences and their parameters are ignored; the first return preference
     * counts (RFC 7240, section 2).
     */
    static ReturnPreference of(List<String> headers) {
        if (headers == null) {
            return null;
        }
        for (var header : headers) {
            for (var preference : header.split(",")) {
                var token = preference.split(";", 2)[0];
                var equals = token.indexOf('=');
                if (equals < 0 || !token.substring(0, equals).strip().equalsIgnoreCase("return")) {
                    continue;
                }
                var value = token.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "minimal" -> MINIMAL;
                    case "representation" -> REPRESENTATION;
                    default -> null;
                };
            }
        }
        return null;
    }
}
