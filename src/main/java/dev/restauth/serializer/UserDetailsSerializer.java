package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.ProfileChange;
import dev.restauth.apidoc.Schema;
import dev.restauth.user.User;

/** {@code USER_DETAILS_SERIALIZER}: shows a user and validates changes to it. Implementations are thread-safe. */
public interface UserDetailsSerializer {
    /** The user as {@code GET /user/} shows it. */
    JsonObject render(User user);

    /**
     * Validates a {@code PUT} ({@code partial} false: required fields must be sent) or {@code PATCH} body.
     *
     * @return the user's profile after the change (fields not sent keep their values)
     * @throws dev.restauth.error.ValidationException with every field error
     */
    ProfileChange validate(JsonObject data, User user, boolean partial);

    /** The JSON Schema of a user as {@link #render} shows it; any object unless the implementation says more. */
    default JsonObject schema() {
        return Schema.anyObject();
    }

    /** The JSON Schema of a {@code PUT} or {@code PATCH} body; any object unless the implementation says more. */
    default JsonObject changeSchema() {
        return Schema.anyObject();
    }
}
