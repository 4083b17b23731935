package dev.restauth.throttle;

import dev.restauth.config.Rate;
import dev.restauth.config.Setting;

/**
 * One counter an {@link Action} is limited by: its name (the counter's {@code name} in {@code restauth_throttle}),
 * what it counts per, what a proven credential does to it, and the setting holding its rate. Two actions that list
 * a limit of the same name share its counters.
 */
record Limit(String name, Scope scope, OnSuccess onSuccess, Setting<Rate> rate) {
    /** What a counter is kept per. */
    enum Scope {
        /** The client IP. */
        CLIENT,
        /** The key alone (a login, an address, a user): one counter for all IPs. */
        KEY,
        /** The client IP and the key together. */
        CLIENT_AND_KEY
    }

    /** What happens to the counter when the attempt turns out to have presented the right credential. */
    enum OnSuccess {
        /** Nothing: the counter counts attempts, right or wrong. */
        KEEP,
        /** The counter is deleted: this client proved it knows the credential, its own failures are forgiven. */
        CLEAR,
        /**
         * Only this attempt's hit is taken back: the counter counts failures from many clients, and one client's
         * success must not wipe what the others did.
         */
        REFUND
    }
}
