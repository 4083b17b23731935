package dev.restauth.account;

import dev.restauth.user.User;

/**
 * A valid password-reset confirmation, as the reset-confirm serializer hands it to {@link ResetPassword}: whose
 * password to set (the user as read when the token was checked), and to what.
 */
public record ResetConfirmation(User user, String newPassword) {
    @Override
    public String toString() {
        return "ResetConfirmation{user=" + user + "}";
    }
}
