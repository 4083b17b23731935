package dev.restauth.error;

import dev.restauth.text.Messages;

/**
 * Missing or bad credentials. DRF answers 401 with {@code WWW-Authenticate} when the first authentication class
 * has a challenge (token) and 403 otherwise (session first); the servlet decides which, knowing the order.
 */
public final class NotAuthenticatedException extends ApiException {
    private NotAuthenticatedException(String detail) {
        super(401, detail);
    }

    /** No credentials at all: "Authentication credentials were not provided." */
    public static NotAuthenticatedException missing() {
        return new NotAuthenticatedException(Messages.get("auth.not_provided"));
    }

    /** Credentials that were presented but are wrong, e.g. "Invalid token.". */
    public static NotAuthenticatedException failed(String detail) {
        return new NotAuthenticatedException(detail);
    }
}
