package org.ipaserver.handler.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerDirectoryTest {

    @TempDir
    Path root;

    @Test
    void findsExecutableFilesByName() throws Exception {
        var folder = Files.createDirectory(root.resolve("handlers"));
        var program = executable(folder.resolve("score-applicant"));

        assertEquals(Optional.of(program), WorkerDirectory.of(folder).program("score-applicant"));
    }

    @Test
    void aNameNeverReachesOutsideTheFolder() throws Exception {
        var folder = Files.createDirectory(root.resolve("handlers"));
        executable(root.resolve("outside"));
        executable(folder.resolve(".hidden"));
        Files.createDirectory(folder.resolve("sub"));
        executable(folder.resolve("sub").resolve("inner"));
        var directory = WorkerDirectory.of(folder);

        for (var name : new String[] {"../outside", "..", ".", ".hidden", "sub/inner", "sub\\inner", "/bin/sh",
                root.resolve("outside").toString(), "sub/../../outside", "", " ", "a..b", "x\0y", "\n"}) {
            assertEquals(Optional.empty(), directory.program(name), name);
            assertFalse(WorkerDirectory.isPlainName(name), name);
        }
        assertEquals(Optional.empty(), directory.program(null));
        assertEquals(Optional.empty(), directory.program("sub"));
    }

    @Test
    void onlyExecutableFilesAreHandlers() throws Exception {
        var folder = Files.createDirectory(root.resolve("handlers"));
        Files.writeString(folder.resolve("readme"), "not a program");
        executable(folder.resolve("run-me"));

        var directory = WorkerDirectory.of(folder);
        assertEquals(Optional.empty(), directory.program("readme"));
        assertEquals(Set.of("run-me"), directory.names());
    }

    @Test
    void noFolderNoHandlers() {
        var none = WorkerDirectory.none();

        assertNull(none.folder());
        assertEquals(Optional.empty(), none.program("anything"));
        assertTrue(none.names().isEmpty());
    }

    @Test
    void theConfiguredFolderWinsOverTheSystemProperty() {
        var before = System.getProperty(WorkerDirectory.PROPERTY);
        try {
            System.setProperty(WorkerDirectory.PROPERTY, root.resolve("from-property").toString());

            assertEquals(root.resolve("configured"), WorkerDirectory.resolve(root.resolve("configured").toString()).folder());
            assertEquals(root.resolve("from-property"), WorkerDirectory.resolve(" ").folder());
            assertEquals(root.resolve("from-property"), WorkerDirectory.resolve(null).folder());
        } finally {
            if (before == null) {
                System.clearProperty(WorkerDirectory.PROPERTY);
            } else {
                System.setProperty(WorkerDirectory.PROPERTY, before);
            }
        }
    }

    static Path executable(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
