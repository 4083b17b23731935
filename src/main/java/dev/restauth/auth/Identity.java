package dev.restauth.auth;

import dev.restauth.user.User;

/**
 * Who made a request and how they proved it.
 *
 * @param sessionId the raw session id from the cookie when {@code scheme} is {@link Scheme#SESSION}, else null
 * @param tokenHash the keyed hash the token is stored by when {@code scheme} is {@link Scheme#TOKEN}, else null
 */
public record Identity(User user, Scheme scheme, String sessionId, String tokenHash) {
    /** The credential a request was authenticated with. */
    public enum Scheme {
        TOKEN,
        SESSION,
        /** A JWT access token, from the {@code Authorization} header or the access cookie. */
        JWT
    }

    /** A request with an API token; {@code tokenHash} names the token ({@link Tokens#lookupHashOf}). */
    public static Identity token(User user, String tokenHash) {
        return new Identity(user, Scheme.TOKEN, null, tokenHash);
    }

    public static Identity jwt(User user) {
        return new Identity(user, Scheme.JWT, null, null);
    }

    public static Identity session(User user, String sessionId) {
        return new Identity(user, Scheme.SESSION, sessionId, null);
    }

    @Override
    public String toString() {
        return "Identity{" + user + ", " + scheme + "}";
    }
}
