package dev.restauth.auth.crypto;

/**
 * Hashes and checks passwords in Django's encoded form ({@code <algorithm>$...}), so the rows stay readable by
 * Django. Implementations are thread-safe. Hashing is deliberately slow: run these on a {@link HashingPool}.
 */
public interface PasswordHasher {
    /**
     * A new hash of {@code password}, with a fresh random salt, in the preferred algorithm and parameters.
     *
     * @param password the raw password, not null (may be empty)
     * @throws NullPointerException if {@code password} is null
     */
    String encode(String password);

    /**
     * Whether {@code password} matches {@code encoded}. Never throws: null or empty arguments, unusable passwords
     * ({@code "!..."}), unknown algorithms and garbled encodings all give {@code false}.
     */
    boolean verify(String password, String encoded);

    /**
     * Whether {@code encoded} should be replaced by a fresh {@link #encode} (after a successful {@link #verify},
     * while the raw password is at hand): true when its algorithm or parameters differ from the preferred ones,
     * and for anything unparsable. Never throws.
     */
    boolean needsRehash(String encoded);
}
