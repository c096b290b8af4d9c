package org.ipaserver.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema script of {@code sql/<db>/}, split into statements the way every script there is
 * written: a statement ends with {@code ;} at the end of a line, whole-line {@code --} comments
 * and blank lines are skipped. A {@code GO} line (SQL Server's batch separator for sqlcmd, which
 * wants CREATE VIEW alone in its batch) is skipped too: each statement runs on its own here. No
 * procedural blocks.
 */
public record SqlScript(String name, List<String> statements) {

    public SqlScript {
        statements = List.copyOf(statements);
    }

    /** Loads a script from the class path, e.g. {@code sql/h2/create.sql}. */
    public static SqlScript fromClasspath(String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("SQL script not found on the class path: " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL script " + resource, e);
        }
    }

    public static SqlScript parse(String name, String text) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.equalsIgnoreCase("GO")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return new SqlScript(name, statements);
    }

    /** Runs every statement in order; transactions are the caller's. */
    public void execute(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    statement.execute(statements.get(i));
                } catch (SQLException e) {
                    throw new SQLException(name + ", statement " + (i + 1) + " failed: " + e.getMessage()
                            + "\n" + statements.get(i), e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
    }
}
