package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.PasskeyRemoval;
import dev.restauth.apidoc.Schema;

/**
 * {@code PASSKEY_REMOVE_SERIALIZER} (restauth's own): the second factor {@code DELETE passkeys/<id>/} asks for when it
 * removes the user's last passkey. Thread-safe.
 */
public interface PasskeyRemoveSerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    PasskeyRemoval validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
