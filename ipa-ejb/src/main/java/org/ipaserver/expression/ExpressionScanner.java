package org.ipaserver.expression;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A light lexical pass over the {@code ${...}} parts of an expression. EL does not expose its
 * syntax tree, yet validation must name every unknown variable (also in branches that a sample
 * evaluation would skip) and the runtime must refuse null operands of arithmetic, which EL
 * would silently turn into 0.
 */
final class ExpressionScanner {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "true", "false", "null", "empty", "div", "mod", "instanceof");

    record Scan(Set<String> variables, Set<String> arithmeticOperands) {
    }

    static Scan scan(String text) {
        var variables = new LinkedHashSet<String>();
        var arithmetic = new LinkedHashSet<String>();
        int i = 0;
        int depth = 0;
        char previousSignificant = 0;
        String pendingIdentifier = null;
        boolean functionNameNext = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (depth == 0) {
                if ((c == '$' || c == '#') && i + 1 < text.length() && text.charAt(i + 1) == '{'
                        && (i == 0 || text.charAt(i - 1) != '\\')) {
                    depth = 1;
                    i += 2;
                    previousSignificant = '{';
                    continue;
                }
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                i = skipString(text, i);
                previousSignificant = 's';
                pendingIdentifier = null;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                i = identifierEnd(text, i);
                var word = text.substring(start, i);
                if (functionNameNext) {
                    functionNameNext = false;
                    previousSignificant = 'i';
                    continue;
                }
                if (i + 1 < text.length() && text.charAt(i) == ':' && Character.isJavaIdentifierStart(text.charAt(i + 1))
                        && isCall(text, identifierEnd(text, i + 1))) {
                    functionNameNext = true; // prefix:function(...)
                    i++;
                    continue;
                }
                if (KEYWORDS.contains(word)) {
                    if (word.equals("div") || word.equals("mod")) {
                        markOperand(arithmetic, pendingIdentifier);
                        previousSignificant = '*';
                    } else {
                        previousSignificant = 'k';
                    }
                    pendingIdentifier = null;
                    continue;
                }
                boolean isMember = previousSignificant == '.';
                if (!isMember && !isCall(text, i)) {
                    variables.add(word);
                    pendingIdentifier = word;
                    if (isArithmetic(previousSignificant)) {
                        arithmetic.add(word);
                    }
                } else if (!isMember) {
                    pendingIdentifier = null;
                }
                previousSignificant = 'i';
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (!Character.isWhitespace(c)) {
                char after = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                boolean notArithmetic = (c == '-' && after == '>') || (c == '+' && after == '=');
                if (isArithmetic(c) && !notArithmetic) {
                    markOperand(arithmetic, pendingIdentifier);
                }
                if (c != '.' && c != '[' && c != ']') {
                    pendingIdentifier = c == ')' ? pendingIdentifier : null;
                }
                previousSignificant = notArithmetic ? '=' : c;
            }
            i++;
        }
        return new Scan(variables, arithmetic);
    }

    private static void markOperand(Set<String> arithmetic, String identifier) {
        if (identifier != null) {
            arithmetic.add(identifier);
        }
    }

    private static boolean isArithmetic(char c) {
        return c == '+' || c == '-' || c == '*' || c == '/' || c == '%';
    }

    private static int skipString(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static int identifierEnd(String text, int i) {
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isCall(String text, int afterIdentifier) {
        int next = skipSpaces(text, afterIdentifier);
        return next < text.length() && text.charAt(next) == '(';
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
