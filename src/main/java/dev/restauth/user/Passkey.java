package dev.restauth.user;

import java.time.Instant;

/**
 * A row of {@code restauth_passkey}: one WebAuthn credential of a user. Immutable.
 *
 * @param credentialId   the credential id, base64url without padding
 * @param credentialData the attested credential data (AAGUID, id, COSE public key), base64url
 * @param transports     the authenticator's transports as a JSON array, e.g. {@code ["internal","hybrid"]}
 * @param lastUsed       null until the first login with it
 */
public record Passkey(long id, long userId, String name, String credentialId, String credentialData, long signCount,
                      String transports, boolean discoverable, Instant created, Instant lastUsed) {
}
