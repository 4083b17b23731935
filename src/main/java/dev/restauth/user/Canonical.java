package dev.restauth.user;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The spelling under which usernames and e-mail addresses are compared: Unicode NFKC, then lower case. Two
 * values with the same key are the same account name; lookups and unique indexes use the key, while the value as
 * typed is what the API shows and where mail goes.
 */
public final class Canonical {
    /** The length of the key columns ({@code username_key}, {@code email_key}): NFKC and lower case may grow a value. */
    public static final int KEY_LENGTH = 600;

    private Canonical() {
    }

    /** Django's {@code normalize_username}: NFKC, case kept. This is the username as stored. */
    public static String username(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFKC);
    }

    /** The key of a username or an e-mail address. */
    public static String key(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
