package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.user.Passkey;

/** {@code PASSKEY_LIST_SERIALIZER}: how a passkey is shown. Implementations are thread-safe. */
public interface PasskeySerializer {
    JsonObject render(Passkey passkey);

    /**
     * The JSON Schema of one passkey as it renders it, for the OpenAPI document; any object unless the implementation says more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
