package dev.restauth.serializer;

import dev.restauth.auth.PasswordResetTokens;
import dev.restauth.auth.Passwords;
import dev.restauth.config.Settings;
import dev.restauth.password.PasswordValidators;

/**
 * What a serializer may use, handed to its constructor: the settings, the password validators, password checks,
 * the database questions validation asks, and the uids and tokens of password-reset links. A serializer class has a
 * public constructor taking this, or a public no-argument one.
 */
public record SerializerContext(Settings settings, PasswordValidators validators, Passwords passwords,
                                UserQueries users, PasswordResetTokens resetTokens) {

    /** The questions about existing users that validation asks (DRF's unique validators). */
    public interface UserQueries {
        /** True when a user other than {@code exceptUserId} has this username in any letter case. */
        boolean usernameTaken(String username, long exceptUserId);

        /** True when any account has this e-mail address in any letter case. */
        boolean emailTaken(String email);

        /**
         * The length of a value as the database's text columns count it: code points (as DRF and PostgreSQL and
         * MariaDB count), or UTF-16 units on H2, where an emoji takes two of a column's characters.
         */
        default int storedLength(String value) {
            return value.codePointCount(0, value.length());
        }
    }
}
