package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.PasskeyAssertion;
import dev.restauth.apidoc.Schema;

/** {@code PASSKEY_LOGIN_COMPLETE_SERIALIZER}: the body of {@code passkeys/login/complete/}. Thread-safe. */
public interface PasskeyLoginCompleteSerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    PasskeyAssertion validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
