package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.ResetConfirmation;
import dev.restauth.apidoc.Schema;

/** {@code PASSWORD_RESET_CONFIRM_SERIALIZER}: validates a reset confirmation. Implementations are thread-safe. */
public interface PasswordResetConfirmSerializer {
    /**
     * @return the user the uid names, whose token is valid, and the new password, checked against the validators
     * @throws dev.restauth.error.ValidationException field errors first; then {@code uid}, then {@code token}
     *                                                "Invalid value"; then the mismatch or validator messages
     *                                                under {@code new_password2}
     */
    ResetConfirmation validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
