package dev.restauth.social;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import dev.restauth.http.Json;

/**
 * Reading a provider's JSON answers: an error status or a body that is not the JSON expected means the proof did not
 * hold (dj-rest-auth turns every HTTP error from the provider into "Incorrect value"), never a 500.
 */
final class Answers {
    private Answers() {
    }

    /** The JSON object of a successful answer. */
    static JsonObject object(HTTPResponse response) {
        JsonElement body = successBody(response);
        if (!body.isJsonObject()) {
            throw ProviderErrors.incorrectValue();
        }
        return body.getAsJsonObject();
    }

    /** The JSON array of a successful answer. */
    static JsonArray array(HTTPResponse response) {
        JsonElement body = successBody(response);
        if (!body.isJsonArray()) {
            throw ProviderErrors.incorrectValue();
        }
        return body.getAsJsonArray();
    }

    /** A string or number member as text; null when missing, null, blank or of another type. */
    static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || !value.isJsonPrimitive() || value.getAsJsonPrimitive().isBoolean()) {
            return null;
        }
        String text = value.getAsString();
        return text.isBlank() ? null : text;
    }

    /** A boolean member; OpenID Connect providers send {@code email_verified} as true or as "true". */
    static boolean flag(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        return primitive.isBoolean() ? primitive.getAsBoolean() : "true".equalsIgnoreCase(primitive.getAsString());
    }

    private static JsonElement successBody(HTTPResponse response) {
        if (!response.indicatesSuccess() || response.getBody() == null) {
            throw ProviderErrors.incorrectValue();
        }
        try {
            return Json.parse(response.getBody());
        } catch (JsonParseException e) {
            throw ProviderErrors.incorrectValue();
        }
    }
}
