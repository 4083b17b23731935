package dev.restauth.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The server's secret key, from which every signature and keyed hash is derived.
 *
 * <p>None is shipped. An explicit {@code secret_key} always wins. Without one, dev mode keeps a generated key in
 * {@code <data_dir>/secret.key} (created owner-readable only on first start, reused afterwards) and production
 * mode refuses to start. The bytes are the UTF-8 encoding of the key text, as Django's {@code SECRET_KEY}.
 */
public final class SecretKey {
    /** Shortest explicit key accepted: shorter keys are guessable. */
    public static final int MIN_LENGTH = 32;
    private static final String FILE_NAME = "secret.key";

    private final byte[] bytes;

    private SecretKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps an explicit key (tests and embedding applications). */
    public static SecretKey of(String text) {
        if (text == null || text.length() < MIN_LENGTH) {
            throw new SettingsException("secret_key must be at least " + MIN_LENGTH + " characters long");
        }
        return new SecretKey(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key the settings call for.
     *
     * @throws SettingsException in production mode without a key, or for a key that is too short
     */
    public static SecretKey resolve(Settings settings) {
        String explicit = settings.get(Settings.SECRET_KEY);
        if (explicit != null && !explicit.isEmpty()) {
            return of(explicit);
        }
        if (settings.get(Settings.MODE) == Mode.PRODUCTION) {
            throw new SettingsException("secret_key is required in production mode: set RESTAUTH_SECRET_KEY "
                    + "(at least " + MIN_LENGTH + " random characters) or secret_key in the settings file");
        }
        return of(readOrCreate(settings.get(Settings.DATA_DIR).resolve(FILE_NAME)));
    }

    /** The key's bytes; a copy, so callers cannot change the key. */
    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    @Override
    public String toString() {
        return "SecretKey(********)";
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new SettingsException("cannot read or create the dev secret key " + file + ": " + e.getMessage());
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        DataDirectory.create(file.toAbsolutePath().getParent());
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file); // no POSIX permissions here: the directory's own protection applies
            }
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first: use theirs
        }
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
