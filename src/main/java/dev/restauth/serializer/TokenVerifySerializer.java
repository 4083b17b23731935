package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

/** {@code TOKEN_VERIFY_SERIALIZER}: what {@code token/verify/} accepts. Implementations are thread-safe. */
public interface TokenVerifySerializer {
    /**
     * @return the token to check
     * @throws dev.restauth.error.ValidationException when {@code token} is missing or not a usable string
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
