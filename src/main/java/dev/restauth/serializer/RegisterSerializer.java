package dev.restauth.serializer;

import com.google.gson.JsonObject;

/** {@code REGISTER_SERIALIZER}: validates a sign-up. Implementations are thread-safe. */
public interface RegisterSerializer {
    /**
     * @throws dev.restauth.error.ValidationException with every field error; once the fields pass, the password
     *                                                mismatch or similarity under {@code non_field_errors}
     */
    SignUp validate(JsonObject data);

    /**
     * A validated sign-up.
     *
     * @param username empty when none was given and none is required (one is made up from the address)
     * @param email    empty when none was given and none is required
     */
    record SignUp(String username, String email, String password) {
        @Override
        public String toString() {
            return "SignUp{username=" + username + ", email=" + email + "}";
        }
    }
}
