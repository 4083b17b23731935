package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.user.User;

/** {@code TOKEN_SERIALIZER}: the body of a successful login. Implementations are thread-safe. */
public interface TokenSerializer {
    JsonObject render(String key, User user);

    /**
     * The JSON Schema of the body it renders, for the OpenAPI document; any object unless the implementation says more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
