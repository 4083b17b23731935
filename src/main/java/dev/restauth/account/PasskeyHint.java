package dev.restauth.account;

/**
 * Whose passkeys a passkey login offers ({@code passkeys/login/begin/}): a username or an address, or neither for a
 * usernameless login with a discoverable passkey.
 *
 * @param username the username as typed, or null/empty
 * @param email    the address as typed, or null/empty
 */
public record PasskeyHint(String username, String email) {
}
