package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.user.SocialAccount;

/** {@code SOCIAL_ACCOUNT_SERIALIZER}: one connected social account as {@code GET /socialaccounts/} lists it. */
public interface SocialAccountSerializer {
    JsonObject render(SocialAccount account);

    /**
     * The JSON Schema of one account as it renders it, for the OpenAPI document; any object unless the implementation says more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
