package dev.restauth.config;

/** How the SMTP connection is protected: Django's {@code EMAIL_USE_TLS} / {@code EMAIL_USE_SSL}. */
public enum EmailSecurity {
    /** Plain SMTP. */
    NONE,
    /** Plain connection upgraded with STARTTLS, which the server must offer ({@code EMAIL_USE_TLS}). */
    STARTTLS,
    /** TLS from the first byte, usually port 465 ({@code EMAIL_USE_SSL}). */
    SSL
}
