package dev.restauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.auth.crypto.ResetTokenGenerator.UserState;
import dev.restauth.user.User;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** The value allauth's {@code EmailAwarePasswordResetTokenGenerator} hashes around the timestamp. */
class PasswordResetTokensTest {
    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theUsersAddressesAreAppendedSortedAndJoinedWithABar() {
        User user = new User(7, "alice", "Alice@Example.com", "argon2$hash", "", "", true, false, false, JOINED,
                Instant.parse("2026-03-04T05:06:07.890Z"));
        UserState state = PasswordResetTokens.state(user, List.of("alice@example.com", "Alice@Example.com",
                "zed@example.com", "Bob@example.com"));
        assertEquals("7argon2$hash2026-03-04 05:06:07", state.beforeTimestamp());
        assertEquals("Alice@Example.com" + "Alice@Example.com|Bob@example.com|alice@example.com|zed@example.com",
                state.afterTimestamp());
    }

    @Test
    void aUserWithoutAddressOrLoginHashesPkAndPasswordOnly() {
        User user = new User(1, "bob", "", "pbkdf2_sha256$x", "", "", true, false, false, JOINED, null);
        UserState state = PasswordResetTokens.state(user, List.of());
        assertEquals("1pbkdf2_sha256$x", state.beforeTimestamp());
        assertEquals("", state.afterTimestamp());
    }

    @Test
    void addressesAreOrderedByCodePointAsPythonSortsThem() {
        User user = new User(1, "c", "", "h", "", "", true, false, false, JOINED, null);
        // U+FF41 (fullwidth a) sorts before U+1D41A (mathematical bold a) by code point, after it by UTF-16 unit.
        UserState state = PasswordResetTokens.state(user, List.of("\uD835\uDC1A@x.test", "\uFF41@x.test"));
        assertEquals("\uFF41@x.test|\uD835\uDC1A@x.test", state.afterTimestamp());
    }
}
