package org.ipaserver.expression;

/**
 * Makes a template's values safe in HTML: each {@code ${...}} becomes {@code ${ipa:html(...)}}, so
 * a value with markup (a name like {@code <b>Ann</b>}, a link) is shown as text, never as markup.
 * The template's own literal markup stays as written.
 */
public final class HtmlTemplates {

    private HtmlTemplates() {
    }

    public static String escaping(String template) {
        var out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            if (start < 0 || (start > 0 && template.charAt(start - 1) == '\\')) {
                int upTo = start < 0 ? template.length() : start + 2;
                out.append(template, i, upTo);
                i = upTo;
                continue;
            }
            int end = closingBrace(template, start + 2);
            if (end < 0) {
                out.append(template, i, template.length()); // unbalanced: left as is, the validator reports it
                break;
            }
            out.append(template, i, start).append("${ipa:html(").append(template, start + 2, end).append(")}");
            i = end + 1;
        }
        return out.toString();
    }

    /** The index of the brace that closes an expression starting at {@code from}, skipping strings and nested braces. */
    private static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(text, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static int endOfString(String text, int quote) {
        char q = text.charAt(quote);
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }
}
