package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Identity;
import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.RefreshTokenDao;
import dev.restauth.db.Transaction;
import dev.restauth.jwt.Claims;
import dev.restauth.jwt.TokenError;
import dev.restauth.jwt.TokenType;
import dev.restauth.text.Messages;

import java.util.Optional;

/**
 * Logout ({@code POST /logout/}), in one transaction: the caller's token is deleted (the next login issues a new
 * one), and the session the request's cookie names ends, however the request was authenticated, as Django's
 * {@code logout()} flushes the request's session.
 *
 * <p>In JWT mode the refresh token the client gives back is blacklisted, as dj-rest-auth's {@code LogoutView} does
 * with simplejwt's blacklist app; a token that is not accepted is reported, and one used up by a rotation counts as
 * reuse ({@link RefreshToken}). With {@code jwt_revoke_on_logout} (the default) logout goes further than the
 * reference: the caller's access tokens, and those of the refresh token's owner, stop working at once on every node,
 * and the refresh token's whole family ends. Thread-safe.
 */
public final class Logout {
    private final Database database;
    private final Tokens tokens;
    private final Sessions sessions;
    private final JsonWebTokens jwt;
    private final boolean sessionLogin;
    private final boolean revoke;
    private final boolean reuseDetection;
    private final SecurityLog log;

    /** @param jwt JWT mode's tokens, or null outside JWT mode */
    Logout(Database database, Tokens tokens, Sessions sessions, JsonWebTokens jwt, SecurityLog log,
           Settings settings) {
        this.log = log;
        this.database = database;
        this.tokens = tokens;
        this.sessions = sessions;
        this.jwt = jwt;
        this.sessionLogin = settings.get(Settings.SESSION_LOGIN);
        this.revoke = settings.get(Settings.JWT_REVOKE_ON_LOGOUT);
        this.reuseDetection = settings.get(Settings.JWT_ROTATE_REFRESH_TOKENS)
                && settings.get(Settings.JWT_BLACKLIST_AFTER_ROTATION);
    }

    /**
     * What a logout did.
     *
     * @param sessionEnded the request named a session (its cookie is to be deleted)
     * @param sessionUsed  the session store was consulted (with session login on, always, as in Django)
     * @param refusal      JWT mode: why the refresh token given back was not accepted ("Token is blacklisted", ...),
     *                     or null when it was blacklisted (or none was given)
     */
    public record LoggedOut(boolean sessionEnded, boolean sessionUsed, String refusal) {
    }

    /**
     * @param identity     the request's authenticated identity, or null for an anonymous request
     * @param sessionId    the request's session cookie, or null
     * @param refreshToken JWT mode: the refresh token the client gave back, or null; ignored outside JWT mode
     * @param client       where the request came from, for the security log (an authenticated logout is recorded)
     */
    public LoggedOut run(Identity identity, String sessionId, String refreshToken, Client client) {
        Claims refresh = null;
        String refusal = null;
        if (jwt != null && refreshToken != null) {
            try {
                refresh = jwt.verify(refreshToken, TokenType.REFRESH);
            } catch (TokenError e) {
                refusal = e.getMessage();
            }
        }
        Claims given = refresh;
        String blacklisting = database.inTransaction(tx -> {
            if (identity != null) {
                tokens.revoke(tx, identity);
                log.record(tx, identity.user().id(), SecurityLog.Event.LOGOUT, SecurityLog.Outcome.OK, client,
                        identity.scheme().name().toLowerCase(java.util.Locale.ROOT));
                if (jwt != null && revoke) {
                    jwt.revokeAccess(tx, identity.user().id());
                }
            }
            if (sessionId != null) {
                sessions.close(tx, sessionId);
            }
            return given == null ? null : blacklist(tx, given);
        });
        return new LoggedOut(sessionId != null, sessionLogin, refusal != null ? refusal : blacklisting);
    }

    /** Blacklists a refresh token; returns why it could not be, or null. */
    private String blacklist(Transaction tx, Claims refresh) {
        Optional<RefreshTokenDao.RefreshRow> found = tx.refreshTokens().find(refresh.jti());
        if (found.isEmpty()) {
            return Messages.get("jwt.invalid");
        }
        RefreshTokenDao.RefreshRow row = found.get();
        if (row.familyRevoked()) {
            return Messages.get("jwt.blacklisted");
        }
        if (!tx.refreshTokens().markBlacklisted(refresh.jti())) {
            if (reuseDetection) {
                tx.refreshFamilies().revoke(row.family()); // a used-up token came back
            }
            return Messages.get("jwt.blacklisted");
        }
        if (revoke) {
            tx.refreshFamilies().revoke(row.family());
            jwt.revokeAccess(tx, row.user().id());
        }
        return null;
    }
}
