package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.auth.JsonWebTokens;

/**
 * {@code TOKEN_REFRESH_SERIALIZER}: what {@code token/refresh/} accepts and answers (dj-rest-auth's
 * {@code CookieTokenRefreshSerializer}). Implementations are thread-safe.
 */
public interface TokenRefreshSerializer {
    /**
     * The refresh token the body carries.
     *
     * @return the token, or null when the body has none (the refresh cookie is then used)
     * @throws dev.restauth.error.ValidationException when {@code refresh} is present but not a usable string
     */
    String validate(JsonObject data);

    /** The answer to a refresh that succeeded. */
    JsonObject render(JsonWebTokens.Pair refreshed);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
