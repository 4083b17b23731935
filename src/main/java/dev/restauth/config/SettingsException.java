package dev.restauth.config;

/** Settings that cannot be used: an unknown key, a value that does not parse, a required value missing. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
