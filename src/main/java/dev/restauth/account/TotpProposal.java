package dev.restauth.account;

/**
 * A proposed TOTP authenticator ({@code GET mfa/totp/activate/}), active once a code from it is confirmed.
 *
 * @param secret          the secret in base32 (32 characters, 160 bits), for typing into an app
 * @param uri             the {@code otpauth://totp/...} URI an app reads from the QR code
 * @param activationToken what confirms this proposal (single-use, expiring)
 */
public record TotpProposal(String secret, String uri, String activationToken) {
    @Override
    public String toString() {
        return "TotpProposal";
    }
}
