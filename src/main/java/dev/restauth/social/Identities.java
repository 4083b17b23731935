package dev.restauth.social;

import com.google.gson.JsonObject;

import dev.restauth.user.Canonical;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.EmailValidator;
import dev.restauth.user.User;

/**
 * Builds a {@link SocialIdentity} from a provider's profile fields as allauth's {@code populate_user} does: a missing
 * first or last name is taken from the full name split at its first space; names are cut to the user table's 150
 * characters (and again to the database's count when stored, never inside a surrogate pair); an address that is
 * not a valid one counts as none ({@code valid_email_or_none}).
 */
final class Identities {
    /** Django's first_name / last_name length. */
    private static final int NAME_LENGTH = User.NAME_LENGTH;
    /** Django's EmailField length. */
    private static final int EMAIL_LENGTH = EmailAddress.MAX_LENGTH;
    /** The uid column's length; an OpenID Connect sub is at most 255 ASCII characters. */
    private static final int UID_LENGTH = 255;

    private Identities() {
    }

    /**
     * @param uid the provider's user id; a missing or oversized one means the answer is not a profile
     */
    static SocialIdentity of(String provider, String uid, String email, boolean emailVerified, String firstName,
                             String lastName, String name, String username, JsonObject profile) {
        if (uid == null || uid.isBlank() || uid.length() > UID_LENGTH) {
            throw ProviderErrors.incorrectValue();
        }
        String full = name == null ? "" : name.strip();
        int space = full.indexOf(' ');
        String first = firstName != null ? firstName : space < 0 ? full : full.substring(0, space);
        String last = lastName != null ? lastName : space < 0 ? "" : full.substring(space + 1);
        // UTF-16 units, which no database's count exceeds; the key (NFKC, lower case) must fit its column too.
        String address = email != null && email.length() <= EMAIL_LENGTH && EmailValidator.isValid(email)
                && Canonical.key(email).length() <= Canonical.KEY_LENGTH ? email : null;
        return new SocialIdentity(provider, uid, address, address != null && emailVerified, cut(first), cut(last),
                username, profile);
    }

    private static String cut(String text) {
        return text.codePointCount(0, text.length()) <= NAME_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, NAME_LENGTH));
    }
}
