package dev.restauth.endpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.error.ValidationException;
import dev.restauth.throttle.Throttle;

import java.util.function.Supplier;

/**
 * A serializer's validation that judges a credential (the old password of a password change, the uid and token of
 * a reset link), run under a {@link Throttle.Attempt} that learns the outcome: a pass proves the credential; errors
 * under a credential field are a failure; errors elsewhere only (or any other exception) leave the credential
 * undecided, so the attempt is taken back. The endpoint does this rather than the serializer, so a serializer of the
 * user's own cannot leave the limit out; it relies only on the error fields the serializer contracts document.
 */
final class GuardedValidation {
    private GuardedValidation() {
    }

    static <T> T run(Throttle.Attempt attempt, Supplier<T> validation, String... credentialFields) {
        T result;
        try {
            result = validation.get();
        } catch (ValidationException e) {
            if (!refusesAny(e, credentialFields)) {
                attempt.unchecked();
            }
            throw e;
        } catch (RuntimeException e) {
            attempt.unchecked();
            throw e;
        }
        attempt.succeeded();
        return result;
    }

    /** A field's text to key a limit by: the string, or empty for a missing or non-string value. */
    static String text(JsonObject data, String field) {
        JsonElement value = data.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? value.getAsString() : "";
    }

    private static boolean refusesAny(ValidationException e, String... fields) {
        for (String field : fields) {
            if (e.errors().containsKey(field)) {
                return true;
            }
        }
        return false;
    }
}
