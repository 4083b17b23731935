package dev.restauth.account;

import dev.restauth.db.Transaction;
import dev.restauth.db.UserDao;
import dev.restauth.user.UsernameValidator;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Makes a free username from what is known of a new user (names, e-mail address), as allauth's
 * {@code generate_unique_username}: the first candidate that yields a valid name is folded to ASCII, lower-cased,
 * cut at '@', spaces become underscores; if taken, a random number is appended until a free name is found.
 * Thread-safe.
 */
public final class UsernameGenerator {
    private static final int MAX_LENGTH = 150;
    private static final int ATTEMPTS = 50;

    private final RandomGenerator random = new SecureRandom();

    /** A username no user has, from the first usable candidate (null and blank candidates are skipped). */
    public String generate(Transaction tx, String... candidates) {
        String base = base(candidates);
        UserDao users = tx.users();
        if (users.findByUsername(base).isEmpty()) {
            return base;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String suffix = Integer.toString(random.nextInt(attempt < 10 ? 100 : 100_000));
            String candidate = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
            if (users.findByUsername(candidate).isEmpty()) {
                return candidate;
            }
        }
        // A base this crowded is an attack or a bug; a long random name is always free.
        return "user" + Long.toUnsignedString(random.nextLong(), 36);
    }

    /** The cleaned first usable candidate, or {@code user}. */
    static String base(String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            String ascii = Normalizer.normalize(candidate, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
            String name = ascii.replaceAll("[^\\w\\s@+.-]", "").toLowerCase(Locale.ROOT);
            int at = name.indexOf('@');
            name = (at >= 0 ? name.substring(0, at) : name).strip().replaceAll("\\s+", "_");
            if (name.length() > MAX_LENGTH) {
                name = name.substring(0, MAX_LENGTH);
            }
            if (!name.isEmpty() && UsernameValidator.isValid(name)) {
                return name;
            }
        }
        return "user";
    }
}
