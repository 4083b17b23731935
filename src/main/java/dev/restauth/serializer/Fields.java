package dev.restauth.serializer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.text.PythonText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Reads the fields of a request body one by one, in declaration order, collecting every field's errors, as a DRF
 * serializer's {@code is_valid} does. Missing, null and blank stay distinct because the body is read as a JSON
 * tree. Call {@link #throwIfInvalid()} after the last field; object-level checks come after that. Not thread-safe:
 * one per validation.
 */
public final class Fields {
    private final JsonObject data;
    private final ValidationException.Collector errors = new ValidationException.Collector();

    public Fields(JsonObject data) {
        this.data = data;
    }

    /**
     * A field's text as {@link CharField} will see it, unvalidated, for keying a rate limit before validation: a
     * string or a number as text, trimmed as the field trims it; empty for a missing, null, boolean or structured
     * value. So every spelling the field accepts as one value is one key.
     */
    public static String textOrEmpty(JsonObject data, String name) {
        JsonElement value = data.get(name);
        return value != null && value.isJsonPrimitive() && !value.getAsJsonPrimitive().isBoolean()
                ? PythonText.strip(value.getAsString()) : "";
    }

    /** Whether the body has this field at all (partial updates only touch the fields sent). */
    public boolean present(String name) {
        return data.has(name);
    }

    /**
     * The cleaned value of a text field.
     *
     * @return the value; null when the field is missing or failed a check (its errors are recorded)
     */
    public String text(String name, CharField field) {
        JsonElement raw = data.get(name);
        if (raw == null) {
            if (field.isRequired()) {
                errors.add(name, Messages.get("field.required"));
            }
            return null;
        }
        List<String> messages = new ArrayList<>();
        String value = field.clean(raw, messages);
        errors.addAll(name, messages);
        return value;
    }

    /**
     * A field holding any JSON value (DRF's {@code JSONField}), such as a WebAuthn credential.
     *
     * @return the value; null when the field is missing or JSON null (its error recorded when that is not allowed)
     */
    public JsonElement json(String name, boolean required) {
        JsonElement raw = data.get(name);
        if (raw == null) {
            if (required) {
                errors.add(name, Messages.get("field.required"));
            }
            return null;
        }
        if (raw.isJsonNull()) {
            errors.add(name, Messages.get("field.null"));
            return null;
        }
        return raw;
    }

    /** Records an error found by a check of the caller's own (uniqueness, a wrong old password). */
    public void reject(String name, String message) {
        errors.add(name, message);
    }

    /**
     * Records DRF's "Ensure this field has no more than {@code max} characters." when a field that passed its own
     * checks would not fit its column as stored: after normalisation, in the unit the database counts.
     *
     * @param length how the column counts, usually {@link SerializerContext.UserQueries#storedLength}
     */
    public void rejectIfLonger(String name, String stored, int max, ToIntFunction<String> length) {
        if (stored != null && valid(name) && length.applyAsInt(stored) > max) {
            errors.add(name, Messages.get("field.max_length", max));
        }
    }

    /** True when a field has no recorded error. */
    public boolean valid(String name) {
        return !errors.has(name);
    }

    /** @throws ValidationException with every field error, if there is any */
    public void throwIfInvalid() {
        errors.throwIfAny();
    }
}
