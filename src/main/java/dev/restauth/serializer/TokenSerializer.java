package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.user.User;

/** {@code TOKEN_SERIALIZER}: the body of a successful login. Implementations are thread-safe. */
public interface TokenSerializer {
    JsonObject render(String key, User user);
}
