package dev.restauth.user;

import java.time.Instant;

/**
 * One entry of the security log: an authentication event of an account. Holds no secret. Immutable.
 *
 * @param userId    the account, or null for an attempt on an unknown login
 * @param username  the account's username, or null with {@code userId}
 * @param event     what happened ({@code login}, {@code password_change}, ...)
 * @param outcome   how it ended ({@code ok}, {@code failed}, {@code throttled}, {@code locked}, {@code unverified})
 * @param ip        the client's IP address; empty for a change made without a request
 * @param userAgent the client's {@code User-Agent}, cut to 255 characters; empty when none
 * @param detail    what the event was about (an address, a provider, how a login was proven), or empty
 */
public record SecurityEvent(long id, Long userId, String username, String event, String outcome, String ip,
                            String userAgent, String detail, Instant created) {
}
