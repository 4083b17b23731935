package dev.restauth.throttle;

import dev.restauth.error.ApiException;

/**
 * DRF's {@code Throttled} (429 with {@code Retry-After}), as {@link Throttle#begin} refuses an attempt, telling the
 * security log whether the refusal was a lockout: a counter kept per key alone (the login, the user) across every IP,
 * rather than one of the client's own limits.
 */
public final class ThrottledException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final boolean lockout;

    ThrottledException(long retryAfterSeconds, boolean lockout) {
        this(ApiException.throttled(retryAfterSeconds), lockout);
    }

    private ThrottledException(ApiException answer, boolean lockout) {
        super(answer.status(), answer.getMessage(), answer.headers());
        this.lockout = lockout;
    }

    /** Whether a per-key counter shared by every IP (a lockout) was full, rather than only the client's own. */
    public boolean lockout() {
        return lockout;
    }
}
