package dev.restauth.serializer;

import com.google.gson.JsonObject;

/** {@code PASSKEY_UPDATE_SERIALIZER}: the body of {@code PATCH|PUT passkeys/<id>/}. Thread-safe. */
public interface PasskeyUpdateSerializer {
    /**
     * @return the new name
     * @throws dev.restauth.error.ValidationException with every field error
     */
    String validate(JsonObject data);
}
