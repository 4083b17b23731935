package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

/** {@code PASSKEY_UPDATE_SERIALIZER}: the body of {@code PATCH|PUT passkeys/<id>/}. Thread-safe. */
public interface PasskeyUpdateSerializer {
    /**
     * @return the new name
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
