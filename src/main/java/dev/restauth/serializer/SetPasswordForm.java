package dev.restauth.serializer;

import dev.restauth.error.ValidationException;
import dev.restauth.password.PasswordValidators;
import dev.restauth.password.UserAttributes;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import java.util.List;
import java.util.Map;

/**
 * Django's {@code SetPasswordForm}, the part password change and reset confirm share: two password fields of at
 * most 128 characters and, once both are there, a mismatch, or else every validator message (the user's own
 * attributes included), reported under {@code new_password2}. Stateless and thread-safe.
 */
public final class SetPasswordForm {
    /** {@code new_password1} and {@code new_password2}: required, at most 128 characters. */
    public static final CharField PASSWORD = CharField.required().maxLength(128);

    private SetPasswordForm() {
    }

    /**
     * Django's {@code clean_new_password2}.
     *
     * @param password1 the cleaned {@code new_password1}, not null
     * @param password2 the cleaned {@code new_password2}, not null
     * @return the new password
     * @throws ValidationException {@code new_password2}: "The two password fields didn’t match." or the validators'
     *                             messages
     */
    public static String clean(String password1, String password2, User user, PasswordValidators validators) {
        if (!password1.equals(password2)) {
            throw ValidationException.of("new_password2", Messages.get("password.mismatch"));
        }
        List<String> problems = validators.validate(password2,
                new UserAttributes(user.username(), user.email(), user.firstName(), user.lastName()));
        if (!problems.isEmpty()) {
            throw new ValidationException(Map.of("new_password2", problems));
        }
        return password2;
    }
}
