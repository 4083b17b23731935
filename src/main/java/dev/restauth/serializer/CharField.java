package dev.restauth.serializer;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.restauth.text.Messages;
import dev.restauth.text.PythonText;
import dev.restauth.user.EmailValidator;
import dev.restauth.user.UsernameValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one text field, as DRF's {@code CharField} (and {@code EmailField}) apply them, in DRF's order:
 * missing → "This field is required." (when required); JSON null → "This field may not be null."; blank after
 * trimming → "This field may not be blank." (unless blank is allowed); not a string or number → "Not a valid
 * string."; then every validator (length, null characters, e-mail, username), all their messages together.
 * Immutable: each method returns a new rule.
 */
public final class CharField {
    private final boolean required;
    private final boolean allowBlank;
    private final int maxLength;
    private final int minLength;
    private final boolean email;
    private final boolean username;

    private CharField(boolean required, boolean allowBlank, int maxLength, int minLength, boolean email,
                      boolean username) {
        this.required = required;
        this.allowBlank = allowBlank;
        this.maxLength = maxLength;
        this.minLength = minLength;
        this.email = email;
        this.username = username;
    }

    /** A field that must be present. */
    public static CharField required() {
        return new CharField(true, false, 0, 0, false, false);
    }

    /** A field that may be left out. */
    public static CharField optional() {
        return new CharField(false, false, 0, 0, false, false);
    }

    public CharField allowBlank() {
        return new CharField(required, true, maxLength, minLength, email, username);
    }

    public CharField maxLength(int max) {
        return new CharField(required, allowBlank, max, minLength, email, username);
    }

    public CharField minLength(int min) {
        return new CharField(required, allowBlank, maxLength, min, email, username);
    }

    /** Validated as an e-mail address (Django's {@code EmailValidator}). */
    public CharField email() {
        return new CharField(required, allowBlank, maxLength, minLength, true, username);
    }

    /** Validated as a username (Django's {@code UnicodeUsernameValidator}). */
    public CharField username() {
        return new CharField(required, allowBlank, maxLength, minLength, email, true);
    }

    boolean isRequired() {
        return required;
    }

    /**
     * Cleans a present value (JSON null included). Surrounding whitespace is trimmed, with Python's notion of
     * whitespace, as DRF's {@code trim_whitespace} does by default (password fields included).
     *
     * @param errors receives the messages of every failed check
     * @return the cleaned text, or null when a check failed
     */
    String clean(JsonElement raw, List<String> errors) {
        if (raw.isJsonNull()) {
            errors.add(Messages.get("field.null"));
            return null;
        }
        if (!raw.isJsonPrimitive() || raw.getAsJsonPrimitive().isBoolean()) {
            errors.add(Messages.get("field.not_a_string"));
            return null;
        }
        JsonPrimitive primitive = raw.getAsJsonPrimitive();
        String value = PythonText.strip(primitive.getAsString());
        if (value.isEmpty()) {
            if (!allowBlank) {
                errors.add(Messages.get("field.blank"));
                return null;
            }
            return "";
        }
        List<String> problems = new ArrayList<>();
        int length = PythonText.length(value);
        if (maxLength > 0 && length > maxLength) {
            problems.add(Messages.get("field.max_length", maxLength));
        }
        if (minLength > 0 && length < minLength) {
            problems.add(Messages.get("field.min_length", minLength));
        }
        if (value.indexOf('\0') >= 0) {
            problems.add(Messages.get("field.null_characters"));
        }
        // Code points, not chars: a pair (an emoji) is fine, a lone half is not.
        value.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF).findFirst().ifPresent(surrogate ->
                problems.add(Messages.get("field.surrogate_characters", String.format("%X", surrogate))));
        if (email && !EmailValidator.isValid(value)) {
            problems.add(Messages.get("field.email"));
        }
        if (username && !UsernameValidator.isValid(value)) {
            problems.add(Messages.get("field.username"));
        }
        errors.addAll(problems);
        return problems.isEmpty() ? value : null;
    }
}
