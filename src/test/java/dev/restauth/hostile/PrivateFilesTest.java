package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restauth.RestAuth;
import dev.restauth.config.Settings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What restauth keeps on disk in dev mode (the generated secret key and the embedded H2 database, whose rows are
 * password hashes, token hashes and sessions) is readable by the owner only, whatever the process's umask.
 */
class PrivateFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions");
    }

    @Test
    void theDataDirectoryAndEveryFileInItAreOwnerOnly() throws IOException {
        Path data = dir.resolve("var").resolve("data");
        start(data);

        assertEquals("rwx------", permissions(dir.resolve("var")));
        assertEquals("rwx------", permissions(data));
        assertEquals(Map.of("restauth.mv.db", "rw-------", "restauth.trace.db", "rw-------", "secret.key", "rw-------"),
                filesIn(data));
    }

    @Test
    void filesAnEarlierVersionLeftReadableAreMadeOwnerOnlyAndAnExistingDirectoryIsLeftAsItIs() throws IOException {
        Path data = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        start(data);
        for (String file : new String[] {"restauth.mv.db", "restauth.trace.db"}) { // as earlier versions left them
            Files.setPosixFilePermissions(data.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }

        start(data);

        assertEquals("rwxr-xr-x", permissions(data));
        assertEquals(Map.of("restauth.mv.db", "rw-------", "restauth.trace.db", "rw-------", "secret.key", "rw-------"),
                filesIn(data));
    }

    /** Starts and stops restauth in dev mode with the default database under {@code data}. */
    private static void start(Path data) {
        Settings settings = Settings.builder().set("data_dir", data.toString()).build();
        RestAuth.builder(settings).backgroundWork(false).build().close();
    }

    private static Map<String, String> filesIn(Path data) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path file : list(data)) {
            files.put(file.getFileName().toString(), permissions(file));
        }
        return files;
    }

    private static List<Path> list(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.toList();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
