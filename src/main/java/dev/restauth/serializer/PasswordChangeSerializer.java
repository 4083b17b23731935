package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.user.User;

/** {@code PASSWORD_CHANGE_SERIALIZER}: validates a password change. Implementations are thread-safe. */
public interface PasswordChangeSerializer {
    /**
     * @return the new password, checked against the validators
     * @throws dev.restauth.error.ValidationException with the field errors, then the mismatch or validator
     *                                                messages under {@code new_password2}
     */
    String validate(JsonObject data, User user);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
