package dev.restauth.auth.crypto;

import java.util.Map;
import java.util.Objects;

/**
 * Django's {@code PASSWORD_HASHERS} list: encodes with the preferred hasher, verifies with whichever hasher the
 * encoded password names before its first {@code $}, and asks for a rehash when that is not the preferred one.
 *
 * <p>Like Django's {@code check_password}, {@link #verify} spends one preferred hash on a random password when it
 * has nothing to verify against (null, blank, unusable or unknown-algorithm encodings, or a null password), so a
 * caller can pass {@code null} for a user that does not exist and answer in the same time as for a wrong password.
 * A wrong password against another algorithm than the preferred one costs that check plus one preferred hash: a row
 * in a fast legacy form (salted MD5 takes microseconds) never answers sooner than an unknown user does.
 *
 * <p>Immutable and thread-safe when the hashers are.
 */
public final class DelegatingPasswordHasher implements PasswordHasher {
    /** Django's {@code UNUSABLE_PASSWORD_PREFIX}: no encoded password of any algorithm starts with it. */
    public static final String UNUSABLE_PREFIX = "!";
    static final int UNUSABLE_SUFFIX_LENGTH = 40;

    private final String preferredAlgorithm;
    private final PasswordHasher preferred;
    private final Map<String, PasswordHasher> byAlgorithm;

    /**
     * @param preferred   the hasher for new hashes; must be one of the values of {@code byAlgorithm} (the same
     *                    instance), whose key is then the preferred algorithm
     * @param byAlgorithm every hasher that may verify, by algorithm name (e.g. {@code "argon2"},
     *                    {@code "pbkdf2_sha256"}); names are non-empty and contain no {@code $}. Copied.
     * @throws IllegalArgumentException if {@code preferred} is not in {@code byAlgorithm} exactly once, or a name is
     *                                  invalid
     */
    public DelegatingPasswordHasher(PasswordHasher preferred, Map<String, PasswordHasher> byAlgorithm) {
        this.preferred = Objects.requireNonNull(preferred, "preferred");
        this.byAlgorithm = Map.copyOf(byAlgorithm);
        String found = null;
        for (Map.Entry<String, PasswordHasher> entry : this.byAlgorithm.entrySet()) {
            if (entry.getKey().isEmpty() || entry.getKey().contains("$")) {
                throw new IllegalArgumentException("invalid algorithm name: '" + entry.getKey() + "'");
            }
            if (entry.getValue() == preferred) {
                if (found != null) {
                    throw new IllegalArgumentException("the preferred hasher is under two names");
                }
                found = entry.getKey();
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("the preferred hasher is not among byAlgorithm's values");
        }
        this.preferredAlgorithm = found;
    }

    /** {@link #djangoCompatible} with argon2id at its defaults. */
    public static DelegatingPasswordHasher standard() {
        return djangoCompatible(new Argon2Hasher());
    }

    /**
     * {@code argon2} preferred, and every form a Django site's user table may hold verified, so rows written by
     * Django keep logging in and are upgraded on their next login: {@code argon2} (argon2id, and the argon2i and
     * argon2d of older Django, with the parameters read from the hash), {@code pbkdf2_sha256}, {@code pbkdf2_sha1},
     * {@code bcrypt_sha256}, {@code bcrypt}, {@code scrypt}, and the salted {@code sha1} and {@code md5} of sites
     * older than Django 1.4. Not read: the unsalted forms (a bare MD5 hex digest, {@code md5$$...},
     * {@code sha1$$...}), which Django's default {@code PASSWORD_HASHERS} does not read either, and {@code crypt}.
     *
     * @param preferred the hasher for new hashes
     */
    public static DelegatingPasswordHasher djangoCompatible(Argon2Hasher preferred) {
        SaltedDigestHasher sha1 = SaltedDigestHasher.sha1();
        SaltedDigestHasher md5 = SaltedDigestHasher.md5();
        BcryptHasher bcryptSha256 = BcryptHasher.sha256();
        BcryptHasher bcrypt = BcryptHasher.plain();
        Pbkdf2Hasher pbkdf2Sha256 = Pbkdf2Hasher.sha256();
        Pbkdf2Hasher pbkdf2Sha1 = Pbkdf2Hasher.sha1();
        return new DelegatingPasswordHasher(preferred, Map.of(
                Argon2Hasher.ALGORITHM, preferred,
                pbkdf2Sha256.algorithm(), pbkdf2Sha256,
                pbkdf2Sha1.algorithm(), pbkdf2Sha1,
                bcryptSha256.algorithm(), bcryptSha256,
                bcrypt.algorithm(), bcrypt,
                ScryptHasher.ALGORITHM, new ScryptHasher(),
                sha1.algorithm(), sha1,
                md5.algorithm(), md5));
    }

    /**
     * A fresh unusable password as Django's {@code make_password(None)} makes it: {@code "!"} and 40 random
     * letters and digits. It never verifies; the random part keeps such rows from all being equal.
     */
    public static String unusable() {
        return UNUSABLE_PREFIX + RandomStrings.lettersAndDigits(UNUSABLE_SUFFIX_LENGTH);
    }

    /** The name of the algorithm {@link #encode} uses. */
    public String preferredAlgorithm() {
        return preferredAlgorithm;
    }

    @Override
    public String encode(String password) {
        return preferred.encode(Objects.requireNonNull(password, "password"));
    }

    @Override
    public boolean verify(String password, String encoded) {
        PasswordHasher hasher = hasherFor(encoded);
        if (password == null || hasher == null) {
            // Django's "fake_runtime": the same work as a real check, so timing does not tell which case this was.
            spendOnePreferredHash();
            return false;
        }
        boolean right = hasher.verify(password, encoded);
        if (!right && hasher != preferred) {
            // An unknown user costs one preferred hash; a wrong password on a cheaper legacy row must cost no less.
            spendOnePreferredHash();
        }
        return right;
    }

    @Override
    public boolean needsRehash(String encoded) {
        return !preferredAlgorithm.equals(algorithmOf(encoded)) || preferred.needsRehash(encoded);
    }

    private void spendOnePreferredHash() {
        preferred.encode(RandomStrings.lettersAndDigits(UNUSABLE_SUFFIX_LENGTH));
    }

    /** The hasher named by {@code encoded}, or null for null, blank, unusable and unknown encodings. */
    private PasswordHasher hasherFor(String encoded) {
        String algorithm = algorithmOf(encoded);
        return algorithm == null ? null : byAlgorithm.get(algorithm);
    }

    /** What {@code encoded} has before its first {@code $}, or null for null, blank and unusable encodings. */
    private static String algorithmOf(String encoded) {
        if (encoded == null || encoded.isBlank() || encoded.startsWith(UNUSABLE_PREFIX)) {
            return null;
        }
        int dollar = encoded.indexOf('$');
        return dollar < 1 ? null : encoded.substring(0, dollar);
    }
}
