package dev.restauth.config;

/** Where mail goes: Django's {@code EMAIL_BACKEND}, reduced to the two backends restauth ships. */
public enum EmailBackend {
    /** Printed on standard output (Django's console backend): the default, so a new user sees mail at once. */
    CONSOLE,
    /** Sent to an SMTP server ({@code email_host}, {@code email_port}, ...). */
    SMTP
}
