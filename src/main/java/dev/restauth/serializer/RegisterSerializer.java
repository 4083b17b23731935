package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.SignUp;
import dev.restauth.apidoc.Schema;

/** {@code REGISTER_SERIALIZER}: validates a sign-up. Implementations are thread-safe. */
public interface RegisterSerializer {
    /**
     * @throws dev.restauth.error.ValidationException with every field error; once the fields pass, the password
     *                                                mismatch or similarity under {@code non_field_errors}
     */
    SignUp validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
