package dev.restauth.account;

import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Keyring;
import dev.restauth.auth.PasswordResetTokens;
import dev.restauth.auth.Passwords;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.password.PasswordValidators;
import dev.restauth.throttle.Throttle;

import java.time.Clock;

/**
 * Every use case restauth has, built once from the parts they share; {@code Routes} hands each to its endpoint. A
 * use case is a class named for what it does, whose one public method {@code run} owns the whole act: its rate
 * limit, its transactions and its effects. Immutable and thread-safe.
 */
public record UseCases(Login login, Logout logout, Register register, ConfirmEmail confirmEmail,
                       ResendConfirmation resendConfirmation, RequestPasswordReset requestPasswordReset,
                       ResetPassword resetPassword, ChangePassword changePassword, UpdateProfile updateProfile,
                       CreateUser createUser, SocialLogin socialLogin, ConnectSocialAccount connectSocialAccount,
                       ListSocialAccounts listSocialAccounts, DisconnectSocialAccount disconnectSocialAccount,
                       RefreshToken refreshToken, VerifyToken verifyToken, DeactivateUser deactivateUser) {

    /**
     * What the use cases are built from.
     *
     * @param jwt JWT mode's tokens, or null outside JWT mode (then {@code refreshToken} and {@code verifyToken} are
     *            null too: their endpoints do not exist)
     */
    public record Parts(Settings settings, Clock clock, Database database, Passwords passwords,
                        PasswordValidators validators, Throttle throttle, Tokens tokens, Sessions sessions,
                        PasswordResetTokens resetTokens, Outbox outbox, MailTemplates mailTemplates,
                        Keyring keyring, JsonWebTokens jwt) {
    }

    public static UseCases of(Parts p) {
        Settings settings = p.settings();
        Database database = p.database();
        JsonWebTokens jwt = p.jwt();
        JsonWebTokens revoking = settings.get(Settings.JWT_REVOKE_ON_LOGOUT) ? jwt : null;
        SignIn signIn = new SignIn(p.tokens(), p.sessions(), jwt, settings);
        EmailConfirmations confirmations = new EmailConfirmations(p.keyring().secret(), p.clock(), settings, p.outbox(),
                p.mailTemplates());
        return new UseCases(
                new Login(database, p.passwords(), p.throttle(), signIn, p.clock(), settings),
                new Logout(database, p.tokens(), p.sessions(), jwt, settings),
                new Register(database, p.passwords(), p.throttle(), confirmations, signIn, p.mailTemplates(),
                        p.outbox(), p.clock(), settings),
                new ConfirmEmail(database, confirmations),
                new ResendConfirmation(database, p.throttle(), confirmations),
                new RequestPasswordReset(database, p.throttle(), p.resetTokens(), p.mailTemplates(), p.outbox(),
                        settings),
                new ResetPassword(database, p.passwords(), p.throttle(), p.tokens(), p.sessions(), revoking,
                        settings),
                new ChangePassword(database, p.passwords(), p.throttle(), p.tokens(), p.sessions(), revoking,
                        settings),
                new UpdateProfile(database),
                new CreateUser(database, p.passwords(), p.validators(), p.clock()),
                new SocialLogin(database, p.throttle(), confirmations, signIn, p.clock(), settings),
                new ConnectSocialAccount(database, p.throttle(), signIn, p.clock()),
                new ListSocialAccounts(database),
                new DisconnectSocialAccount(database, settings),
                jwt != null ? new RefreshToken(database, jwt, settings) : null,
                jwt != null ? new VerifyToken(database, jwt) : null,
                new DeactivateUser(database, p.tokens(), p.sessions(), jwt));
    }
}
