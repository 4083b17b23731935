package dev.restauth.account;

import java.time.Instant;

/**
 * Whether TOTP is on for a user ({@code GET mfa/status/}).
 *
 * @param created  when TOTP was activated, or null when it is off
 * @param lastUsed the last use of a TOTP or recovery code, or null
 */
public record MfaStatus(boolean enabled, Instant created, Instant lastUsed) {
}
