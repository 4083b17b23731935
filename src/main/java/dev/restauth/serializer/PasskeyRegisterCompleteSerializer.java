package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.NewPasskey;
import dev.restauth.apidoc.Schema;

/** {@code PASSKEY_REGISTER_COMPLETE_SERIALIZER}: the body of {@code passkeys/register/complete/}. Thread-safe. */
public interface PasskeyRegisterCompleteSerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    NewPasskey validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
