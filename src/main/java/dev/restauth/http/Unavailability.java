package dev.restauth.http;

import dev.restauth.error.ApiException;

/**
 * Tells an outage from a bug: a failure that means a part restauth depends on is briefly out (its database
 * unreachable, a statement timed out) is answered 503 with {@code Retry-After}, without a stack trace in the log for
 * each request; any other unexpected failure stays a logged 500. The composition root supplies it, as only it knows
 * the parts.
 */
@FunctionalInterface
public interface Unavailability {
    /** Nothing is an outage: every unexpected failure is a 500. */
    Unavailability NONE = failure -> null;

    /** The answer to {@code failure} when it is an outage, else null. */
    ApiException answer(RuntimeException failure);
}
