package dev.restauth.user;

import java.time.Instant;

/**
 * An account at a social login provider connected to a user, as allauth's {@code SocialAccount}: found by
 * (provider, uid), never by an address or a name. Immutable.
 *
 * @param extraData the provider's profile at the last login, as JSON text
 */
public record SocialAccount(long id, long userId, String provider, String uid, Instant lastLogin,
                            Instant dateJoined, String extraData) {
    /** Leaves the profile out: it holds the user's name and address. */
    @Override
    public String toString() {
        return "SocialAccount{id=" + id + ", userId=" + userId + ", provider=" + provider + "}";
    }
}
