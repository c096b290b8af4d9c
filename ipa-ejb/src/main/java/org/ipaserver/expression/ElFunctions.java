package org.ipaserver.expression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;

/**
 * Functions available to expressions, with or without the {@code ipa:} prefix:
 * {@code ${now()}}, {@code ${ipa:upper(LastName)}}. Null in, null out, so optional data stays optional.
 */
public final class ElFunctions {

    private ElFunctions() {
    }

    public static Instant now() {
        return Instant.now();
    }

    public static Instant addSeconds(Instant time, long seconds) {
        return time == null ? null : time.plusSeconds(seconds);
    }

    public static Instant addDays(Instant time, long days) {
        return time == null ? null : time.plus(Duration.ofDays(days));
    }

    public static long secondsBetween(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("secondsBetween needs two times");
        }
        return Duration.between(from, to).toSeconds();
    }

    public static long length(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        return value.toString().length();
    }

    /** Text made safe to stand in HTML: the markup characters become entities. */
    public static String html(Object value) {
        if (value == null) {
            return null;
        }
        var text = value.toString();
        var escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    public static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    public static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    public static String trim(String s) {
        return s == null ? null : s.strip();
    }

    public static boolean contains(Object container, Object item) {
        if (container instanceof Collection<?> c) {
            return c.contains(item);
        }
        return container != null && item != null && container.toString().contains(item.toString());
    }

    public static String replace(String s, String target, String replacement) {
        return s == null ? null : s.replace(target, replacement == null ? "" : replacement);
    }

    public static BigDecimal round(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
