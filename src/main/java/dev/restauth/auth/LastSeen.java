package dev.restauth.auth;

import java.time.Duration;

/**
 * How a token's or session's last use is kept: coarsely, a use noted at most once per {@link #GRAIN} per credential,
 * and written with others by {@link RecentUses}, so an authenticated request does not cost a write. Idle timeouts
 * are therefore exact to the grain.
 */
final class LastSeen {
    /** A use is noted only when the last one is at least this old. */
    static final Duration GRAIN = Duration.ofMinutes(1);

    /** The longest IP address kept (the column's width). */
    private static final int IP_LENGTH = 64;

    private LastSeen() {
    }

    /** The client's address as stored. */
    static String ip(Client client) {
        String address = client.address();
        return address.length() > IP_LENGTH ? address.substring(0, IP_LENGTH) : address;
    }
}
