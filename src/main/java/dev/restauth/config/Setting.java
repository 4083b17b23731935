package dev.restauth.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One named setting: its key, type, default, the Django/allauth/dj-rest-auth name it stands for, and whether it
 * is a secret (masked whenever settings are printed).
 *
 * <p>The same key is spelled three ways, one per source: {@code session_login} in a properties file,
 * {@code restauth.session_login} as a system property and {@code RESTAUTH_SESSION_LOGIN} in the environment.
 * Instances are immutable; every setting restauth knows is a constant in {@link Settings}.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {
    private final String key;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final String djangoName;
    private final String description;
    private final boolean secret;

    Setting(String key, T defaultValue, Function<String, T> parser, String djangoName, String description,
            boolean secret) {
        this.key = Objects.requireNonNull(key);
        this.defaultValue = defaultValue;
        this.parser = Objects.requireNonNull(parser);
        this.djangoName = Objects.requireNonNull(djangoName);
        this.description = Objects.requireNonNull(description);
        this.secret = secret;
    }

    /** The key as written in a properties file, e.g. {@code session_login}. */
    public String key() {
        return key;
    }

    /** The value used when no source sets this key; null when the setting has no default. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The name the Python stack gives the same knob, e.g. {@code REST_AUTH["SESSION_LOGIN"]}; "-" when none. */
    public String djangoName() {
        return djangoName;
    }

    /** One sentence for the README table. */
    public String description() {
        return description;
    }

    /** True for passwords and keys: their values never appear in logs or messages. */
    public boolean secret() {
        return secret;
    }

    /**
     * Parses a raw value.
     *
     * @throws SettingsException naming the key (and the value, unless the setting is secret) when it does not parse
     */
    T parse(String raw) {
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException e) {
            String shown = secret ? "(secret value)" : "'" + raw + "'";
            throw new SettingsException("setting '" + key + "': " + shown + " is not valid: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
