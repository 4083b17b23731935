package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.PasskeyHint;

/** {@code PASSKEY_LOGIN_BEGIN_SERIALIZER}: the body of {@code passkeys/login/begin/}. Thread-safe. */
public interface PasskeyLoginBeginSerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    PasskeyHint validate(JsonObject data);
}
