package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.TotpConfirmation;
import dev.restauth.apidoc.Schema;

/** {@code MFA_TOTP_ACTIVATE_CONFIRM_SERIALIZER}: the body of {@code POST mfa/totp/activate/}. Thread-safe. */
public interface TotpActivateConfirmSerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    TotpConfirmation validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
