package dev.restauth.config;

/** allauth's {@code ACCOUNT_EMAIL_VERIFICATION}. */
public enum EmailVerification {
    /** No confirmation mail. */
    NONE,
    /** A confirmation mail is sent; login works before the address is confirmed. */
    OPTIONAL,
    /** A confirmation mail is sent; login is refused until the address is confirmed. */
    MANDATORY
}
