package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

/**
 * {@code SOCIAL_CONNECT_SERIALIZER}: the body of a request connecting a provider to the logged-in user; the same
 * fields as a social login (dj-rest-auth's {@code SocialConnectSerializer} is its login serializer in connect mode).
 */
public interface SocialConnectSerializer extends SocialLoginSerializer {

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
