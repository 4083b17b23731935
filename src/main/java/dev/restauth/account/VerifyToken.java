package dev.restauth.account;

import dev.restauth.auth.JsonWebTokens;
import dev.restauth.db.Database;
import dev.restauth.db.RefreshTokenDao;
import dev.restauth.error.InvalidTokenException;
import dev.restauth.error.ValidationException;
import dev.restauth.jwt.Claims;
import dev.restauth.jwt.TokenError;
import dev.restauth.jwt.TokenType;
import dev.restauth.text.Messages;

import java.util.Optional;

/**
 * A token check ({@code POST /token/verify/}): simplejwt's {@code TokenVerifySerializer}. Any token restauth
 * signed, access or refresh, that passes its checks ({@link dev.restauth.jwt.JwtCodec}) is valid, unless it was
 * revoked: a refresh token used up or of a revoked family, an access token issued before its user's last revocation.
 * One read, no write: checking a token never uses it up. Thread-safe.
 */
public final class VerifyToken {
    private final Database database;
    private final JsonWebTokens tokens;

    VerifyToken(Database database, JsonWebTokens tokens) {
        this.database = database;
        this.tokens = tokens;
    }

    /**
     * @throws InvalidTokenException 401 with simplejwt's reason the token is refused
     * @throws ValidationException   400 {@code {"non_field_errors":["Token is blacklisted"]}}, as simplejwt answers
     *                               for a token in its blacklist
     */
    public void run(String token) {
        Claims claims;
        try {
            claims = tokens.verify(token, null);
        } catch (TokenError e) {
            throw InvalidTokenException.notValid(e.getMessage());
        }
        if (claims.is(TokenType.REFRESH)) {
            Optional<RefreshTokenDao.RefreshRow> row = database.read(tx -> tx.refreshTokens().find(claims.jti()));
            if (row.isEmpty()) {
                throw InvalidTokenException.notValid(Messages.get("jwt.invalid"));
            }
            if (row.get().familyRevoked() || row.get().state() != RefreshTokenDao.State.ACTIVE) {
                throw ValidationException.nonField(Messages.get("jwt.blacklisted"));
            }
        } else if (claims.is(TokenType.ACCESS) && claims.userId() != null) {
            boolean revoked = database.read(tx -> tx.users().findById(claims.userId()))
                    .map(user -> !tokens.accepts(user, claims)).orElse(false);
            if (revoked) {
                throw ValidationException.nonField(Messages.get("jwt.blacklisted"));
            }
        }
    }
}
