package dev.restauth.error;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 400 with field errors, {@code {"<field>": ["message", ...], ...}}, keys in the order the fields were declared;
 * object-level errors go under {@code non_field_errors}.
 */
public final class ValidationException extends ApiException {
    /** The key DRF uses for errors that belong to no single field. */
    public static final String NON_FIELD_ERRORS = "non_field_errors";

    private final Map<String, List<String>> errors;

    public ValidationException(Map<String, List<String>> errors) {
        super(400, "Invalid input.");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        this.errors = Collections.unmodifiableMap(copy);
    }

    /** One message under one field. */
    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, List.of(message)));
    }

    /** One object-level message. */
    public static ValidationException nonField(String message) {
        return of(NON_FIELD_ERRORS, message);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    @Override
    public JsonObject body() {
        JsonObject body = new JsonObject();
        errors.forEach((field, messages) -> {
            JsonArray list = new JsonArray();
            messages.forEach(list::add);
            body.add(field, list);
        });
        return body;
    }

    /** Collects field errors in declaration order; {@link #throwIfAny()} ends a validation step. */
    public static final class Collector {
        private final Map<String, List<String>> errors = new LinkedHashMap<>();

        public Collector add(String field, String message) {
            errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            return this;
        }

        public Collector addAll(String field, List<String> messages) {
            messages.forEach(message -> add(field, message));
            return this;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        /** Everything collected, as one exception (empty collectors make an exception with no errors). */
        public ValidationException toException() {
            return new ValidationException(errors);
        }

        /** @throws ValidationException with everything collected, if anything was */
        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
