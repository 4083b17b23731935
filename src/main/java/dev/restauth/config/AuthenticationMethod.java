package dev.restauth.config;

/** What a user logs in with: allauth's {@code ACCOUNT_AUTHENTICATION_METHOD}. */
public enum AuthenticationMethod {
    USERNAME,
    EMAIL,
    USERNAME_EMAIL
}
