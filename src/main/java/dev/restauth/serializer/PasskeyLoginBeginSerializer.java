package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.PasskeyHint;
import dev.restauth.apidoc.Schema;

/** {@code PASSKEY_LOGIN_BEGIN_SERIALIZER}: the body of {@code passkeys/login/begin/}. Thread-safe. */
public interface PasskeyLoginBeginSerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    PasskeyHint validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
