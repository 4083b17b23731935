package dev.restauth.config;

/** How the standalone server writes its log ({@code log_format}). */
public enum LogFormat {
    /** One line per event, for people: time, level, logger, message, and an error's stack trace. */
    TEXT,
    /** One JSON object per line, for log shippers: {@code time, level, logger, thread, message, error}. */
    JSON
}
