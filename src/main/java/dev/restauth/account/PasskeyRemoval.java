package dev.restauth.account;

/**
 * What {@code DELETE /passkeys/<id>/} presents when it removes the user's last passkey: a second-factor code (TOTP or
 * recovery code), or an assertion by one of the user's passkeys. Both null for any other passkey.
 *
 * @param code      a TOTP or recovery code, or null
 * @param assertion an assertion made for a {@code passkeys/login/begin/} challenge, or null
 */
public record PasskeyRemoval(String code, PasskeyAssertion assertion) {
    @Override
    public String toString() {
        return "PasskeyRemoval";
    }
}
