package dev.restauth.password;

import dev.restauth.text.PythonText;
import dev.restauth.text.Messages;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Django's {@code CommonPasswordValidator}: rejects a password whose Python {@code password.lower().strip()} is in
 * a list of common passwords. So "PassWord", and "password" padded with spaces, tabs or no-break spaces, are all
 * rejected, while "pass word" and "１２３４５６７８" (full-width digits: there is no Unicode normalisation) are not.
 *
 * <p>The default list is the one Django 3.2 ships ({@code common-passwords.txt.gz}: 19,727 distinct entries,
 * though Django's documentation says 20,000), read once on first use and shared. As in Django, list entries are
 * stripped but not lower-cased, so a list of your own must already be in lower case to match.
 *
 * <p>Immutable and thread-safe.
 */
public final class CommonPasswordValidator implements PasswordValidator {
    private static final String DEFAULT_LIST_RESOURCE = "common-passwords.txt.gz";

    private final Set<String> passwords;

    /** A validator with Django's list. */
    public CommonPasswordValidator() {
        this.passwords = DefaultList.PASSWORDS;
    }

    /**
     * A validator with the list in {@code passwordList}: UTF-8 text, one password per line, optionally gzipped
     * (recognised by its magic number; Django likewise tries gzip first and falls back to plain text).
     *
     * @throws UncheckedIOException if the file cannot be read or is not valid UTF-8
     */
    public CommonPasswordValidator(Path passwordList) {
        try (InputStream in = Files.newInputStream(passwordList)) {
            this.passwords = read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common password list " + passwordList, e);
        }
    }

    @Override
    public List<String> validate(String password, UserAttributes user) {
        if (passwords.contains(PythonText.strip(PythonText.lower(password)))) {
            return List.of(Messages.get("password.too_common"));
        }
        return List.of();
    }

    /**
     * Reads a list the way Django does: lines split on "\n", "\r" or "\r\n" (Python's universal newlines, also what
     * {@link BufferedReader#readLine()} does), each stripped with Python's {@code strip()}.
     */
    private static Set<String> read(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        InputStream text = isGzip(in) ? new GZIPInputStream(in) : in;
        // A decoder that reports malformed input, as Python's strict utf-8 codec does, instead of replacing it.
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(text, StandardCharsets.UTF_8.newDecoder()));
        Set<String> passwords = new HashSet<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            passwords.add(PythonText.strip(line));
        }
        return Set.copyOf(passwords);
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** Holds Django's list; the JVM loads it on first use of the default constructor, exactly once. */
    private static final class DefaultList {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswordValidator.class.getResourceAsStream(DEFAULT_LIST_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            DEFAULT_LIST_RESOURCE + " is missing beside " + CommonPasswordValidator.class.getName());
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_LIST_RESOURCE, e);
            }
        }
    }
}
