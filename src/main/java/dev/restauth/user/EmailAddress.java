package dev.restauth.user;

/**
 * One of a user's e-mail addresses, as allauth's {@code EmailAddress}: the address as the user typed it, whether
 * the user confirmed it, and whether it is the primary one. Immutable.
 */
public record EmailAddress(long id, long userId, String email, boolean verified, boolean primary) {
}
