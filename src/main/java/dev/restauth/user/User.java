package dev.restauth.user;

import java.time.Instant;

/**
 * A row of {@code restauth_user}: Django's {@code auth_user} fields. Immutable.
 *
 * @param password  the encoded password hash (Django's format), or an unusable one starting with {@code !}
 * @param lastLogin        null until the first login
 * @param tokensValidAfter JWT mode: access tokens issued before this instant are refused (logout, a password change
 *                         or reset, deactivation moved it); null while it never moved
 */
public record User(long id, String username, String email, String password, String firstName, String lastName,
                   boolean active, boolean staff, boolean superuser, Instant dateJoined, Instant lastLogin,
                   Instant tokensValidAfter) {
    /** The length of the username, first_name and last_name columns (Django's {@code max_length=150}). */
    public static final int NAME_LENGTH = 150;

    /** A user whose access tokens were never revoked. */
    public User(long id, String username, String email, String password, String firstName, String lastName,
                boolean active, boolean staff, boolean superuser, Instant dateJoined, Instant lastLogin) {
        this(id, username, email, password, firstName, lastName, active, staff, superuser, dateJoined, lastLogin,
                null);
    }

    /** False for accounts created without a password (social sign-up), whose hash starts with {@code !}. */
    public boolean hasUsablePassword() {
        return !password.startsWith("!");
    }

    /** This user as a login leaves them: logged in {@code when}, with the password hash now stored. */
    public User loggedIn(Instant when, String storedPassword) {
        return new User(id, username, email, storedPassword, firstName, lastName, active, staff, superuser,
                dateJoined, when, tokensValidAfter);
    }

    /** Whether an access token issued at {@code issued} still counts (JWT mode's per-user revocation). */
    public boolean acceptsTokenIssuedAt(Instant issued) {
        return tokensValidAfter == null || (issued != null && !issued.isBefore(tokensValidAfter));
    }

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "User{id=" + id + ", username=" + username + ", active=" + active + "}";
    }
}
