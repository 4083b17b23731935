package dev.restauth.user;

import java.time.Instant;

/**
 * One way a user is signed in, as the user's list of sessions shows it: the API token or a session. Immutable.
 *
 * @param id        an opaque id naming it to its owner (not the credential, nor its stored hash)
 * @param kind      {@code token} or {@code session}
 * @param lastSeen  when it was last used, to the minute; null when unknown
 * @param ip        where it was handed out; empty when unknown
 * @param userAgent the {@code User-Agent} it was handed out to; empty when unknown
 * @param current   whether the request that lists it came with it
 */
public record AccountSession(String id, String kind, Instant created, Instant lastSeen, String ip, String userAgent,
                             boolean current) {
}
