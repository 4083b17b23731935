package dev.restauth.account;

import dev.restauth.auth.Keyring;
import dev.restauth.auth.crypto.Base32;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.user.User;

import java.nio.charset.StandardCharsets;

/**
 * Proposes a TOTP authenticator ({@code GET /mfa/totp/activate/}): a new random secret (160 bits, as pyotp's
 * {@code random_base32}) and its {@code otpauth://} URI, and an activation token that confirms it. The secret is kept,
 * sealed, with the token's hash for {@code mfa_ephemeral_token_timeout}, so the confirmation may reach any node and
 * the token does not carry the secret. Allowed while TOTP is on, as in the reference (confirming is not). One
 * transaction. Thread-safe.
 */
public final class StartTotpActivation {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";

    private final Database database;
    private final SecondFactors factors;
    private final Keyring keyring;
    private final String issuer;

    StartTotpActivation(Database database, SecondFactors factors, Keyring keyring, Settings settings) {
        this.database = database;
        this.factors = factors;
        this.keyring = keyring;
        this.issuer = settings.get(Settings.MFA_TOTP_ISSUER);
    }

    public TotpProposal run(User user) {
        byte[] secret = keyring.randomBytes(20);
        String token = factors.newToken();
        database.useTransaction(tx -> tx.mfaChallenges().insert(factors.hash(token), SecondFactors.TOTP_ACTIVATION,
                user.id(), factors.seal(user.id(), secret), factors.now().plus(factors.tokenLifetime())));
        String base32 = Base32.encode(secret);
        return new TotpProposal(base32, uri(base32, user.email().isEmpty() ? user.username() : user.email()), token);
    }

    /**
     * pyotp's {@code provisioning_uri}: the label {@code issuer:name} (each part percent-encoded, the colon not), then
     * {@code secret}, {@code issuer} when there is one, and {@code digits} and {@code period} when not the defaults.
     */
    private String uri(String secret, String name) {
        StringBuilder uri = new StringBuilder("otpauth://totp/");
        if (!issuer.isEmpty()) {
            uri.append(quote(issuer, "/")).append(':');
        }
        uri.append(quote(name, "/")).append("?secret=").append(secret);
        if (!issuer.isEmpty()) {
            uri.append("&issuer=").append(quote(issuer, ""));
        }
        if (factors.totp().digits() != 6) {
            uri.append("&digits=").append(factors.totp().digits());
        }
        if (factors.totp().period() != 30) {
            uri.append("&period=").append(factors.totp().period());
        }
        return uri.toString();
    }

    /** Python's {@code urllib.parse.quote}: UTF-8, everything but the unreserved characters and {@code safe}. */
    private static String quote(String text, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && (UNRESERVED.indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
