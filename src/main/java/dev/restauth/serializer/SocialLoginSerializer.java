package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.social.SocialCredentials;

/**
 * {@code SOCIAL_LOGIN_SERIALIZER}: turns a social login body into the credentials a provider checks. Implementations
 * are thread-safe.
 */
public interface SocialLoginSerializer {
    /**
     * @throws dev.restauth.error.ValidationException with the field errors, or the object-level
     *                                                "Incorrect input. access_token or code is required."
     */
    SocialCredentials validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
