package dev.restauth.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Every string a client or a mail reader sees, read from {@code messages.properties} (UTF-8) beside this class.
 *
 * <p>Placeholders are positional, {@code {0}}, {@code {1}}, and replaced literally: unlike
 * {@link java.text.MessageFormat}, apostrophes need no escaping, so "didn't" and "didn’t" are written as they
 * appear on the wire. The table is loaded once and never changes; this class is thread-safe.
 */
public final class Messages {
    private static final Properties TEXTS = load();

    private Messages() {
    }

    /**
     * The message under {@code key} with {@code {i}} replaced by {@code args[i]}.
     *
     * @throws IllegalArgumentException if the key is not in the table (a programming error, found by the tests)
     */
    public static String get(String key, Object... args) {
        String text = TEXTS.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no message under key '" + key + "' in messages.properties");
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    private static Properties load() {
        Properties texts = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages.properties is missing beside " + Messages.class.getName());
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
