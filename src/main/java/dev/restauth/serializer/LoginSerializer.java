package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.Credentials;
import dev.restauth.apidoc.Schema;

/** {@code LOGIN_SERIALIZER}: turns a login body into credentials. Implementations are thread-safe. */
public interface LoginSerializer {
    /**
     * @throws dev.restauth.error.ValidationException with the field errors, or the object-level "Must include ..."
     */
    Credentials validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
