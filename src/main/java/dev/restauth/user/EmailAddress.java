package dev.restauth.user;

/**
 * One of a user's e-mail addresses, as allauth's {@code EmailAddress}: the address as the user typed it, whether
 * the user confirmed it, and whether it is the primary one. Immutable.
 */
public record EmailAddress(long id, long userId, String email, boolean verified, boolean primary) {
    /** The length of the e-mail columns (allauth's and Django's {@code EmailField}, RFC 5321's path limit). */
    public static final int MAX_LENGTH = 254;
}
