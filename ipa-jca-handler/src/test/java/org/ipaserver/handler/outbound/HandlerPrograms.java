package org.ipaserver.handler.outbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes worker programs (POSIX sh) for tests into a handlers folder. */
final class HandlerPrograms {

    /** Answers every request with its own pid: proves which process served a call. */
    static final String PID = """
            while IFS= read -r line; do
              printf '{"exit":"success","outputs":{"pid":"%s"}}\\n' "$$"
            done
            """;

    private final Path folder;

    HandlerPrograms(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** {@code body} runs under /bin/sh. */
    Path write(String name, String body) throws Exception {
        var program = folder.resolve(name);
        Files.writeString(program, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }
}
