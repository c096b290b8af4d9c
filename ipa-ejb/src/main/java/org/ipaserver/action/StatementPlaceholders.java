package org.ipaserver.action;

/**
 * Counts the {@code ?} placeholders of an SQL statement that a driver binds: those outside string
 * literals ('...'), quoted identifiers ("...") and comments (-- to the end of the line, and slash-star blocks), as JDBC drivers
 * see them. Dollar-quoted PostgreSQL bodies are not recognised: a statement with one is counted as
 * written.
 */
final class StatementPlaceholders {

    private StatementPlaceholders() {
    }

    static int count(String sql) {
        int count = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i + 1, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                if (c == '?') {
                    count++;
                }
                i++;
            }
        }
        return count;
    }

    /** The index after the quote that closes the literal; a doubled quote is part of it. */
    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
