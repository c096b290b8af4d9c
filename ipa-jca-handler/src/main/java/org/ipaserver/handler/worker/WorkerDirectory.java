package org.ipaserver.handler.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of handler programs: handler X is the executable file {@code <folder>/X}. Only plain
 * names are looked up (letters, digits, '.', '_', '-', not starting with '.', no ".."), so a
 * handler name never reaches outside the folder. What the folder holds is the administrator's
 * choice: a program may be a symbolic link to one installed elsewhere.
 */
public final class WorkerDirectory {

    /** The system property, and the environment variable, read when the connector names no folder. */
    public static final String PROPERTY = "ipa.handlers.dir";
    /** The same as an environment variable name in the MicroProfile Config spelling. */
    public static final String ENVIRONMENT = "IPA_HANDLERS_DIR";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private final Path folder;

    private WorkerDirectory(Path folder) {
        this.folder = folder;
    }

    public static WorkerDirectory of(Path folder) {
        return new WorkerDirectory(folder.toAbsolutePath().normalize());
    }

    /** No folder: only Java handlers exist. */
    public static WorkerDirectory none() {
        return new WorkerDirectory(null);
    }

    /**
     * The connector's HandlersDirectory when set, else the system property {@value #PROPERTY},
     * else the environment variable {@value #PROPERTY} or {@value #ENVIRONMENT}, else none.
     */
    public static WorkerDirectory resolve(String configured) {
        return Stream.of(configured, System.getProperty(PROPERTY), System.getenv(PROPERTY), System.getenv(ENVIRONMENT))
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .map(value -> of(Path.of(value.trim())))
                .orElseGet(WorkerDirectory::none);
    }

    public static boolean isPlainName(String name) {
        return name != null && PLAIN_NAME.matcher(name).matches() && !name.contains("..");
    }

    /** The program of that handler, if the name is plain and names an executable file in the folder. */
    public Optional<Path> program(String handlerName) {
        if (folder == null || !isPlainName(handlerName)) {
            return Optional.empty();
        }
        var program = folder.resolve(handlerName);
        if (!folder.equals(program.getParent()) || !Files.isRegularFile(program) || !Files.isExecutable(program)) {
            return Optional.empty();
        }
        return Optional.of(program);
    }

    /** The handler names the folder offers now, sorted; for messages and the start-up log. */
    public Set<String> names() {
        var names = new TreeSet<String>();
        if (folder == null || !Files.isDirectory(folder)) {
            return names;
        }
        try (var files = Files.list(folder)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> program(name).isPresent())
                    .forEach(names::add);
        } catch (IOException e) {
            // The folder cannot be listed now: it offers nothing we could name.
        }
        return names;
    }

    /** Null when there is none. */
    public Path folder() {
        return folder;
    }

    @Override
    public String toString() {
        return folder == null ? "no handlers directory" : "handlers directory " + folder;
    }
}
