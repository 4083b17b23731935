package dev.restauth.account;

import dev.restauth.auth.JsonWebTokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.RefreshTokenDao;
import dev.restauth.db.Transaction;
import dev.restauth.error.InvalidTokenException;
import dev.restauth.jwt.Claims;
import dev.restauth.jwt.TokenError;
import dev.restauth.jwt.TokenType;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import java.util.Optional;

/**
 * A refresh ({@code POST /token/refresh/}): simplejwt's {@code TokenRefreshSerializer} with its blacklist app, in one
 * transaction. The refresh token must pass its checks ({@link dev.restauth.jwt.JwtCodec}), be one restauth issued,
 * neither used up nor of a revoked family, and belong to an active user. It yields a new access token; with
 * {@code jwt_rotate_refresh_tokens} also a successor refresh token in the same family, and with
 * {@code jwt_blacklist_after_rotation} the presented one is used up by the same transaction: of many refreshes
 * presenting one token at once, exactly one succeeds.
 *
 * <p>Reuse detection (OAuth 2.0 Security BCP, RFC 9700 §4.14.2), with rotation and blacklisting on: a used-up token
 * that comes back was copied, by a thief or from the victim, and there is no telling which; so its whole family is
 * revoked, the successors too, and neither party can refresh again. Both are told "Token is blacklisted", as simplejwt
 * tells them. The revocation commits although the answer is a refusal. Thread-safe.
 */
public final class RefreshToken {
    private final Database database;
    private final JsonWebTokens tokens;
    private final boolean rotate;
    private final boolean blacklistAfterRotation;

    RefreshToken(Database database, JsonWebTokens tokens, Settings settings) {
        this.database = database;
        this.tokens = tokens;
        this.rotate = settings.get(Settings.JWT_ROTATE_REFRESH_TOKENS);
        this.blacklistAfterRotation = settings.get(Settings.JWT_BLACKLIST_AFTER_ROTATION);
    }

    /**
     * @param token the refresh token from the body, else from the refresh cookie; null when the request had none
     * @return the new access token, and the successor refresh token with rotation
     * @throws InvalidTokenException 401 "No valid refresh token found.", simplejwt's reason the token is refused
     *                               ("Token is invalid or expired", "Token has wrong type", "Token is blacklisted",
     *                               ...), or {@code no_active_account} for an inactive user
     */
    public JsonWebTokens.Pair run(String token) {
        if (token == null) {
            throw InvalidTokenException.notValid(Messages.get("jwt.no_refresh"));
        }
        Claims claims;
        try {
            claims = tokens.verify(token, TokenType.REFRESH);
        } catch (TokenError e) {
            throw InvalidTokenException.notValid(e.getMessage());
        }
        Outcome outcome = database.inTransaction(tx -> refresh(tx, claims));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.pair();
    }

    private Outcome refresh(Transaction tx, Claims claims) {
        Optional<RefreshTokenDao.RefreshRow> found = tx.refreshTokens().find(claims.jti());
        if (found.isEmpty()) {
            return Outcome.refused(InvalidTokenException.notValid(Messages.get("jwt.invalid")));
        }
        RefreshTokenDao.RefreshRow row = found.get();
        if (row.familyRevoked()) {
            return blacklisted();
        }
        if (row.state() != RefreshTokenDao.State.ACTIVE) {
            return reused(tx, row.family());
        }
        User user = row.user();
        if (!user.active()) {
            return Outcome.refused(new InvalidTokenException(Messages.get("jwt.no_active_account"),
                    "no_active_account"));
        }
        if (!rotate) {
            return new Outcome(tokens.refreshed(user, claims), null);
        }
        if (blacklistAfterRotation && !tx.refreshTokens().markRotated(claims.jti())) {
            return reused(tx, row.family()); // a concurrent refresh used it up first
        }
        return new Outcome(tokens.rotated(tx, user, claims, row.family()), null);
    }

    /** A used-up token came back: with reuse detection on, its family ends. */
    private Outcome reused(Transaction tx, String family) {
        if (rotate && blacklistAfterRotation) {
            tx.refreshFamilies().revoke(family);
        }
        return blacklisted();
    }

    private static Outcome blacklisted() {
        return Outcome.refused(InvalidTokenException.notValid(Messages.get("jwt.blacklisted")));
    }

    /** What the transaction decided: new tokens, or a refusal to answer once what it wrote is committed. */
    private record Outcome(JsonWebTokens.Pair pair, InvalidTokenException refusal) {
        static Outcome refused(InvalidTokenException refusal) {
            return new Outcome(null, refusal);
        }
    }
}
