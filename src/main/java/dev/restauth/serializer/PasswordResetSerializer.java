package dev.restauth.serializer;

import com.google.gson.JsonObject;

/** {@code PASSWORD_RESET_SERIALIZER}: validates a reset request. Implementations are thread-safe. */
public interface PasswordResetSerializer {
    /**
     * @return the address to send reset links for, as typed (owners are looked up case-insensitively)
     * @throws dev.restauth.error.ValidationException with the field errors
     */
    String validate(JsonObject data);
}
