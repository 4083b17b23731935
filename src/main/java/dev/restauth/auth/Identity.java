package dev.restauth.auth;

import dev.restauth.user.User;

/**
 * Who made a request and how they proved it.
 *
 * @param sessionId the raw session id from the cookie when {@code scheme} is {@link Scheme#SESSION}, else null
 */
public record Identity(User user, Scheme scheme, String sessionId) {
    /** The credential a request was authenticated with. */
    public enum Scheme {
        TOKEN,
        SESSION,
        /** A JWT access token, from the {@code Authorization} header or the access cookie. */
        JWT
    }

    public static Identity token(User user) {
        return new Identity(user, Scheme.TOKEN, null);
    }

    public static Identity jwt(User user) {
        return new Identity(user, Scheme.JWT, null);
    }

    public static Identity session(User user, String sessionId) {
        return new Identity(user, Scheme.SESSION, sessionId);
    }

    @Override
    public String toString() {
        return "Identity{" + user + ", " + scheme + "}";
    }
}
