package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.auth.JsonWebTokens;

/**
 * {@code JWT_SERIALIZER} and {@code JWT_SERIALIZER_WITH_EXPIRATION}: the body of a login in JWT mode (login, social
 * login and connect, and a registration logged in at once). Implementations are thread-safe.
 */
public interface JwtSerializer {
    /**
     * @param tokens the tokens as the answer shows them: the refresh token is the empty string when it travels only
     *               in its HttpOnly cookie
     * @param user   the user as {@code USER_DETAILS_SERIALIZER} renders it
     */
    JsonObject render(JsonWebTokens.Pair tokens, JsonObject user);

    /**
     * The JSON Schema of the body it renders, for the OpenAPI document; any object unless the implementation says more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
