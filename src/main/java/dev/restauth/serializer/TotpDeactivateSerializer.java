package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

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

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
