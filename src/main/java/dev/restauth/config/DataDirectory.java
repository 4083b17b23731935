package dev.restauth.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps what restauth stores on disk owner-only: the data directory holds the dev secret key and the embedded
 * database, whose rows are password hashes, token hashes and sessions. Where the file system has POSIX permissions,
 * a directory restauth creates is {@code rwx------} and the embedded database's files are {@code rw-------}, whatever
 * the process's umask; elsewhere the directory's own protection applies.
 *
 * <p>A directory that already exists is left as it is (it may be shared on purpose, or be a home directory); the
 * database files in it are made owner-only all the same, also when an earlier version created them readable.
 */
public final class DataDirectory {
    /** The files of an embedded H2 database beside its base name: the store and the error log. */
    private static final List<String> H2_FILES = List.of(".mv.db", ".trace.db");
    private static final String H2_FILE_URL = "jdbc:h2:file:";
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /**
     * Creates {@code directory} and its missing parents, each owner-only; an existing one is left as it is.
     *
     * @return {@code directory}
     * @throws UncheckedIOException when it cannot be created
     */
    public static Path create(Path directory) {
        try {
            if (posix(directory.toAbsolutePath())) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }

    /**
     * Before an embedded H2 file database at {@code jdbcUrl} opens: its directory exists (created owner-only), and
     * its files are owner-only, created empty if need be (H2 takes an empty file as a new database and keeps the
     * permissions of the files it writes into). Any other URL is left alone, and so is one that must find its database
     * already there ({@code IFEXISTS=TRUE}).
     *
     * @throws UncheckedIOException when the directory or a file cannot be made so
     */
    public static void prepareDatabase(String jdbcUrl) {
        if (!jdbcUrl.startsWith(H2_FILE_URL) || jdbcUrl.toUpperCase(Locale.ROOT).contains("IFEXISTS=TRUE")) {
            return;
        }
        int options = jdbcUrl.indexOf(';');
        Path base = Path.of(jdbcUrl.substring(H2_FILE_URL.length(), options < 0 ? jdbcUrl.length() : options));
        if (!base.isAbsolute() || base.getParent() == null) {
            return; // "~/..." and other forms H2 resolves by rules of its own
        }
        create(base.getParent());
        if (!posix(base)) {
            return;
        }
        for (String suffix : H2_FILES) {
            ownerOnly(base.resolveSibling(base.getFileName() + suffix));
        }
    }

    private static void ownerOnly(Path file) {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } catch (FileAlreadyExistsException existing) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " readable by its owner only", e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
