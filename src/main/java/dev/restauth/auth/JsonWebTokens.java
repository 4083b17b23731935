package dev.restauth.auth;

import dev.restauth.config.Settings;
import dev.restauth.db.Transaction;
import dev.restauth.jwt.Claims;
import dev.restauth.jwt.Jti;
import dev.restauth.jwt.JwtCodec;
import dev.restauth.jwt.TokenType;
import dev.restauth.user.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * JWT mode's tokens: simplejwt's access and refresh tokens, signed by {@link JwtCodec}, with what simplejwt keeps in
 * its blacklist app kept in the database instead, shared by every node: a row per refresh token, in a family per
 * login, and per user the instant before which access tokens stop counting.
 *
 * <p>Writing methods take the caller's transaction, so a login's tokens commit with the login. Access tokens are
 * never stored: {@link #accepts} checks one against its user's row, which authentication reads anyway.
 *
 * <p>Issue times: a token's {@code iat} and {@code exp} are whole seconds, as simplejwt writes them, while its
 * {@code jti} carries the issue time to the millisecond ({@link Jti}). Revoking moves the user's
 * {@code tokens_valid_after} one millisecond past now, and a token issued afterwards is stamped no earlier than that,
 * so a token from just before a logout fails and one from just after works, even within one millisecond. Thread-safe.
 */
public final class JsonWebTokens {
    private final JwtCodec codec;
    private final Clock clock;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Duration leeway;

    public JsonWebTokens(JwtCodec codec, Clock clock, Settings settings) {
        this.codec = codec;
        this.clock = clock;
        this.accessLifetime = Duration.ofSeconds(settings.get(Settings.JWT_ACCESS_TOKEN_LIFETIME));
        this.refreshLifetime = Duration.ofSeconds(settings.get(Settings.JWT_REFRESH_TOKEN_LIFETIME));
        this.leeway = Duration.ofSeconds(settings.get(Settings.JWT_LEEWAY));
    }

    /**
     * Signed tokens and when they expire, as a login or a refresh answers them.
     *
     * @param refresh           null when a refresh issued no new refresh token (no rotation)
     * @param refreshExpiration null with {@code refresh}
     */
    public record Pair(String access, Instant accessExpiration, String refresh, Instant refreshExpiration) {
        @Override
        public String toString() {
            return "Pair(********)";
        }
    }

    /**
     * Records where a login's pair was handed out (the login's client) on its family, for the user's list of
     * sessions.
     */
    public void describe(Transaction tx, Pair pair, Client client) {
        if (pair.refresh() == null) {
            return;
        }
        String jti = verify(pair.refresh(), TokenType.REFRESH).jti();
        tx.refreshTokens().find(jti).ifPresent(row -> tx.refreshFamilies().describe(row.family(),
                LastSeen.ip(client), client.userAgent(), clock.instant()));
    }

    /** The claims of a token that passes every check of {@link JwtCodec}. */
    public Claims verify(String token, TokenType type) {
        return codec.decode(token, type);
    }

    /** A login's pair: a new family with its first refresh token, and an access token. */
    public Pair issue(Transaction tx, User user) {
        Instant now = clock.instant();
        Instant stamp = stamp(user, now);
        long iat = now.getEpochSecond();
        String family = Jti.create(stamp);
        String refreshJti = Jti.create(stamp);
        long refreshExp = iat + refreshLifetime.toSeconds();
        tx.refreshFamilies().insert(family, user.id(), Instant.ofEpochSecond(refreshExp), now);
        tx.refreshTokens().insert(refreshJti, family, Instant.ofEpochSecond(refreshExp));
        String refresh = codec.sign(new Claims(TokenType.REFRESH.claim(), refreshExp, iat, refreshJti, user.id()));
        return new Pair(access(user, now, iat, stamp), now.plus(accessLifetime), refresh, now.plus(refreshLifetime));
    }

    /**
     * A refresh without rotation: a new access token. Its {@code iat} is the refresh token's, as simplejwt copies it
     * (its {@code jti} still carries its own issue time).
     */
    public Pair refreshed(User user, Claims refresh) {
        Instant now = clock.instant();
        long iat = refresh.issuedAt() != null ? refresh.issuedAt() : now.getEpochSecond();
        return new Pair(access(user, now, iat, stamp(user, now)), now.plus(accessLifetime), null, null);
    }

    /** A refresh with rotation: a new access token, and a successor refresh token in the same family. */
    public Pair rotated(Transaction tx, User user, Claims refresh, String family) {
        Pair access = refreshed(user, refresh);
        Instant now = clock.instant();
        long iat = now.getEpochSecond();
        long refreshExp = iat + refreshLifetime.toSeconds();
        String jti = Jti.create(stamp(user, now));
        tx.refreshTokens().insert(jti, family, Instant.ofEpochSecond(refreshExp));
        tx.refreshFamilies().extend(family, Instant.ofEpochSecond(refreshExp));
        tx.refreshFamilies().touch(family, now);
        String successor = codec.sign(new Claims(TokenType.REFRESH.claim(), refreshExp, iat, jti, user.id()));
        return new Pair(access.access(), access.accessExpiration(), successor, now.plus(refreshLifetime));
    }

    /**
     * Makes every access token the user holds now fail, from any node. The instant is on a whole millisecond, the
     * precision of the issue times in {@code jti}s.
     */
    public void revokeAccess(Transaction tx, long userId) {
        tx.users().revokeTokensIssuedBefore(userId, clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
    }

    /** Whether the user still accepts this access token (it was issued after the user's last revocation). */
    public boolean accepts(User user, Claims access) {
        return user.acceptsTokenIssuedAt(access.issued());
    }

    /** Deletes the refresh rows and families whose tokens expired (beyond the leeway); for the sweeper. */
    public void deleteExpired(Transaction tx) {
        Instant cutoff = clock.instant().minus(leeway);
        tx.refreshTokens().deleteExpired(cutoff);
        tx.refreshFamilies().deleteExpired(cutoff);
    }

    private String access(User user, Instant now, long iat, Instant stamp) {
        long exp = now.getEpochSecond() + accessLifetime.toSeconds();
        return codec.sign(new Claims(TokenType.ACCESS.claim(), exp, iat, Jti.create(stamp), user.id()));
    }

    /** The issue time a new token of this user carries: now, or the user's revocation instant if that is later. */
    private static Instant stamp(User user, Instant now) {
        Instant after = user.tokensValidAfter();
        return after != null && after.isAfter(now) ? after : now;
    }
}
