package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.user.User;

/** {@code PASSWORD_RESET_CONFIRM_SERIALIZER}: validates a reset confirmation. Implementations are thread-safe. */
public interface PasswordResetConfirmSerializer {
    /** A valid confirmation: whose password to set, and to what. */
    record Confirmation(User user, String newPassword) {
        @Override
        public String toString() {
            return "Confirmation{user=" + user + "}";
        }
    }

    /**
     * @return the user the uid names, whose token is valid, and the new password, checked against the validators
     * @throws dev.restauth.error.ValidationException field errors first; then {@code uid}, then {@code token}
     *                                                "Invalid value"; then the mismatch or validator messages
     *                                                under {@code new_password2}
     */
    Confirmation validate(JsonObject data);
}
