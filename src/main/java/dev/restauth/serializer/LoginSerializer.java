package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.Credentials;

/** {@code LOGIN_SERIALIZER}: turns a login body into credentials. Implementations are thread-safe. */
public interface LoginSerializer {
    /**
     * @throws dev.restauth.error.ValidationException with the field errors, or the object-level "Must include ..."
     */
    Credentials validate(JsonObject data);
}
