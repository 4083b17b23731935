package dev.restauth.serializer;

import com.google.gson.JsonObject;

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
}
