package dev.restauth.password;

import dev.restauth.text.PythonText;
import dev.restauth.text.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Django 3.2's {@code UserAttributeSimilarityValidator}: rejects a password too similar to the user's username,
 * first name, last name or e-mail address (checked in that order; only the first similar attribute is reported).
 *
 * <p>Each non-empty attribute is lower-cased and compared whole and piece by piece, the pieces being what
 * {@code re.split(r'\W+', value)} gives, so an e-mail address is compared as a whole and as its local part,
 * domain labels and so on. "Similar" means difflib's {@code SequenceMatcher(a=password, b=piece).quick_ratio()}
 * reaches {@code maxSimilarity}; Django 3.2 never computes the full {@code ratio()}. quick_ratio only counts
 * the characters the two have in common, whatever their order, so an anagram of the username is "similar" too.
 *
 * <p>Immutable and thread-safe.
 */
public final class UserAttributeSimilarityValidator implements PasswordValidator {
    /** Django's default {@code max_similarity}. */
    public static final double DEFAULT_MAX_SIMILARITY = 0.7;

    /** A user attribute this validator can compare against, with the verbose name Django's User model gives it. */
    public enum Attribute {
        USERNAME(UserAttributes::username, "password.field.username"),
        FIRST_NAME(UserAttributes::firstName, "password.field.first_name"),
        LAST_NAME(UserAttributes::lastName, "password.field.last_name"),
        EMAIL(UserAttributes::email, "password.field.email");

        private final Function<UserAttributes, String> value;
        private final String verboseNameKey;

        Attribute(Function<UserAttributes, String> value, String verboseNameKey) {
            this.value = value;
            this.verboseNameKey = verboseNameKey;
        }
    }

    /** Django's {@code DEFAULT_USER_ATTRIBUTES}, in its order. */
    public static final List<Attribute> DEFAULT_ATTRIBUTES =
            List.of(Attribute.USERNAME, Attribute.FIRST_NAME, Attribute.LAST_NAME, Attribute.EMAIL);

    private final List<Attribute> attributes;
    private final double maxSimilarity;

    /** Django's defaults: all four attributes, max similarity 0.7. */
    public UserAttributeSimilarityValidator() {
        this(DEFAULT_ATTRIBUTES, DEFAULT_MAX_SIMILARITY);
    }

    /** All four attributes with the given max similarity (see the two-argument constructor). */
    public UserAttributeSimilarityValidator(double maxSimilarity) {
        this(DEFAULT_ATTRIBUTES, maxSimilarity);
    }

    /**
     * Compares against {@code attributes}, in the given order, with the threshold {@code maxSimilarity}.
     *
     * @throws IllegalArgumentException with Django's message if {@code maxSimilarity} is below 0.1
     */
    public UserAttributeSimilarityValidator(List<Attribute> attributes, double maxSimilarity) {
        if (maxSimilarity < 0.1) {
            throw new IllegalArgumentException("max_similarity must be at least 0.1");
        }
        this.attributes = List.copyOf(attributes);
        this.maxSimilarity = maxSimilarity;
    }

    @Override
    public List<String> validate(String password, UserAttributes user) {
        Objects.requireNonNull(password, "password");
        if (user == null) {
            return List.of();
        }
        int[] lowerPassword = PythonText.lower(password).codePoints().toArray();
        for (Attribute attribute : attributes) {
            String value = attribute.value.apply(user);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (isSimilar(lowerPassword, PythonText.lower(value))) {
                // Django raises at the first similar attribute, so later ones are never reported.
                return List.of(Messages.get("password.too_similar", Messages.get(attribute.verboseNameKey)));
            }
        }
        return List.of();
    }

    private boolean isSimilar(int[] password, String lowerValue) {
        List<String> pieces = PythonText.splitOnNonWord(lowerValue);
        pieces.add(lowerValue);
        for (String piece : pieces) {
            int[] value = piece.codePoints().toArray();
            if (exceedsMaximumLengthRatio(password.length, value.length)) {
                continue;
            }
            if (quickRatio(password, value) >= maxSimilarity) {
                return true;
            }
        }
        return false;
    }

    /**
     * Django's {@code exceeds_maximum_length_ratio}: skips a piece so much shorter than the password that
     * quick_ratio could not reach the threshold anyway, so it only saves work. It does not skip an empty piece (from
     * a value that starts or ends with punctuation, such as "alice.") for an empty password, and two empty
     * sequences have ratio 1.0: Django calls "" "too similar" to such a value, and so does this port.
     */
    private boolean exceedsMaximumLengthRatio(int passwordLength, int valueLength) {
        double lengthBoundSimilarity = maxSimilarity / 2 * passwordLength;
        return passwordLength >= 10L * valueLength && valueLength < lengthBoundSimilarity;
    }

    /**
     * difflib's {@code SequenceMatcher(a=a, b=b).quick_ratio()}, ported step by step: counts each element of
     * {@code a} that still has an unused occurrence in {@code b}, and returns {@code 2 * matches / (len(a) + len(b))},
     * or 1.0 when both are empty. The arithmetic is the same IEEE double arithmetic as Python's.
     */
    static double quickRatio(int[] a, int[] b) {
        Map<Integer, Integer> fullBCount = new HashMap<>();
        for (int element : b) {
            fullBCount.merge(element, 1, Integer::sum);
        }
        Map<Integer, Integer> avail = new HashMap<>();
        int matches = 0;
        for (int element : a) {
            Integer left = avail.get(element);
            int numB = left != null ? left : fullBCount.getOrDefault(element, 0);
            avail.put(element, numB - 1);
            if (numB > 0) {
                matches++;
            }
        }
        int length = a.length + b.length;
        return length != 0 ? 2.0 * matches / length : 1.0;
    }
}
