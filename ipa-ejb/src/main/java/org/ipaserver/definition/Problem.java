package org.ipaserver.definition;

/** One thing wrong (or doubtful) in a definition, at a JSON path such as {@code $.states[0].actions[2]}. */
public record Problem(Severity severity, String path, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String path, String message) {
        return new Problem(Severity.ERROR, path, message);
    }

    public static Problem warning(String path, String message) {
        return new Problem(Severity.WARNING, path, message);
    }

    @Override
    public String toString() {
        return severity + " " + path + ": " + message;
    }
}
