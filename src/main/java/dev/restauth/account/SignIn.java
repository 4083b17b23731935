package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Transaction;
import dev.restauth.user.User;

/**
 * The one way a proven user is signed in, inside the transaction of the use case that proved them, so the login's
 * record and its token and session commit together. dj-rest-auth's rules: a login gets the token and, with session
 * login on, a session too; a registration gets a session with session login on and the token otherwise. In JWT mode
 * ({@code use_jwt}) a JWT pair, whose refresh token opens a new family, takes the token's place in both, and a
 * registration also gets its session with session login on. Thread-safe.
 */
final class SignIn {
    private final Tokens tokens;
    private final Sessions sessions;
    private final JsonWebTokens jwt;
    private final boolean sessionLogin;
    private final SecondFactors secondFactors;
    private final boolean secondFactorForSocial;
    private final SecurityLog log;

    /**
     * @param jwt           JWT mode's tokens, or null outside JWT mode
     * @param secondFactors the gate of logins proven by one factor ({@code mfa_enabled})
     */
    SignIn(Tokens tokens, Sessions sessions, JsonWebTokens jwt, SecondFactors secondFactors, SecurityLog log,
           Settings settings) {
        this.log = log;
        this.tokens = tokens;
        this.sessions = sessions;
        this.jwt = jwt;
        this.sessionLogin = settings.get(Settings.SESSION_LOGIN);
        this.secondFactors = secondFactors;
        this.secondFactorForSocial = settings.get(Settings.MFA_REQUIRED_FOR_SOCIAL);
    }

    // --- second factors: the one gate of every login proven by one factor ---------------------------------------

    /**
     * A password login whose password was right: empty when it may be signed in at once, or a login waiting for its
     * second factor (an ephemeral token, nothing issued) when {@code mfa_enabled} is on and the user has TOTP.
     * A passkey login, and the login {@code mfa/verify/} finishes, are two factors and use {@link #login}.
     */
    java.util.Optional<SignedIn> awaitingSecondFactor(Transaction tx, User user) {
        return secondFactors.awaitingSecondFactor(tx, user);
    }

    /**
     * Social login: {@link #login(Transaction, User, String)}, or with {@code mfa_required_for_social} gated as a
     * password login is.
     */
    SignedIn socialLogin(Transaction tx, User user, String previousSessionId) {
        if (secondFactorForSocial) {
            java.util.Optional<SignedIn> waiting = secondFactors.awaitingSecondFactor(tx, user);
            if (waiting.isPresent()) {
                return waiting.get();
            }
        }
        return login(tx, user, previousSessionId);
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Login, social login and connect: the user's token (or JWT pair), and a session when session login is on. */
    SignedIn login(Transaction tx, User user) {
        if (jwt != null) {
            return new SignedIn(user, null, sessionLogin ? sessions.open(tx, user) : null, jwt.issue(tx, user));
        }
        return new SignedIn(user, tokens.issue(tx, user.id()), sessionLogin ? sessions.open(tx, user) : null);
    }

    /**
     * Records a login that issued credentials in the security log, in the transaction that issued them, and where
     * its token and session were handed out (for the user's list of sessions); a login still waiting for its second
     * factor is recorded when it is finished.
     *
     * @param method how the user was proven: {@code password}, {@code mfa}, {@code passkey}, a provider's id, or
     *               {@code registration} for a sign-up that logs the new user in
     */
    SignedIn recorded(Transaction tx, SignedIn signedIn, Client client, String method) {
        if (signedIn.awaitsSecondFactor()) {
            return signedIn;
        }
        log.record(tx, signedIn.user().id(), SecurityLog.Event.LOGIN, SecurityLog.Outcome.OK, client, method);
        if (signedIn.tokenKey() != null) {
            tokens.describe(tx, signedIn.user().id(), signedIn.tokenKey(), client);
        }
        if (signedIn.session() != null) {
            sessions.describe(tx, signedIn.session().id(), client);
        }
        if (signedIn.jwt() != null && jwt != null) {
            jwt.describe(tx, signedIn.jwt(), client);
        }
        return signedIn;
    }

    /**
     * A login from a client that may hold a session already: with session login on, the session its cookie names
     * ends as the new one opens, whoever it belonged to, as Django's {@code login()} flushes another user's session
     * and gives the same user's a new key. So a shared browser never keeps the previous user's session alive.
     *
     * @param previousSessionId the request's {@code sessionid} cookie, or null
     */
    SignedIn login(Transaction tx, User user, String previousSessionId) {
        if (sessionLogin && previousSessionId != null && !previousSessionId.isEmpty()) {
            sessions.close(tx, previousSessionId);
        }
        return login(tx, user);
    }

    /**
     * A new account logged in at once: a session when session login is on, else the token; or a JWT pair. With
     * session login on, the session the request's cookie names ends, as at {@link #login(Transaction, User, String)}.
     *
     * @param previousSessionId the request's {@code sessionid} cookie, or null
     */
    SignedIn registered(Transaction tx, User user, String previousSessionId) {
        if (sessionLogin && previousSessionId != null && !previousSessionId.isEmpty()) {
            sessions.close(tx, previousSessionId);
        }
        if (jwt != null) {
            return new SignedIn(user, null, sessionLogin ? sessions.open(tx, user) : null, jwt.issue(tx, user));
        }
        if (sessionLogin) {
            return new SignedIn(user, null, sessions.open(tx, user));
        }
        return new SignedIn(user, tokens.issue(tx, user.id()), null);
    }
}
