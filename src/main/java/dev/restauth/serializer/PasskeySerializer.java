package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.user.Passkey;

/** {@code PASSKEY_LIST_SERIALIZER}: how a passkey is shown. Implementations are thread-safe. */
public interface PasskeySerializer {
    JsonObject render(Passkey passkey);
}
