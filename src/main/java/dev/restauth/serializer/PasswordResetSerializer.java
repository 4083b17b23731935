package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

/** {@code PASSWORD_RESET_SERIALIZER}: validates a reset request. Implementations are thread-safe. */
public interface PasswordResetSerializer {
    /**
     * @return the address to send reset links for, as typed (owners are looked up case-insensitively)
     * @throws dev.restauth.error.ValidationException with the field errors
     */
    String validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
