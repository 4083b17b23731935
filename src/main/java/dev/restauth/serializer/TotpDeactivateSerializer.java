package dev.restauth.serializer;

import com.google.gson.JsonObject;

/**
 * {@code MFA_TOTP_DEACTIVATE_SERIALIZER}: the current second-factor code that deactivating TOTP (and, in restauth,
 * regenerating recovery codes) asks for. Thread-safe.
 */
public interface TotpDeactivateSerializer {
    /**
     * @return the code as sent
     * @throws dev.restauth.error.ValidationException with every field error
     */
    String validate(JsonObject data);
}
