package dev.restauth.account;

import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Keyring;
import dev.restauth.auth.PasswordResetTokens;
import dev.restauth.auth.Passwords;
import dev.restauth.auth.RecentUses;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.password.PasswordValidators;
import dev.restauth.throttle.Throttle;
import dev.restauth.webauthn.RelyingParty;

import java.time.Clock;
import java.time.Duration;

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
                       RefreshToken refreshToken, VerifyToken verifyToken, DeactivateUser deactivateUser,
                       // second factors (mfa/) and passkeys (passkeys/, null unless passkeys_enabled)
                       VerifySecondFactor verifySecondFactor, StartTotpActivation startTotpActivation,
                       ActivateTotp activateTotp, DeactivateTotp deactivateTotp, ShowMfaStatus showMfaStatus,
                       CountRecoveryCodes countRecoveryCodes, RegenerateRecoveryCodes regenerateRecoveryCodes,
                       BeginPasskeyRegistration beginPasskeyRegistration, RegisterPasskey registerPasskey,
                       BeginPasskeyLogin beginPasskeyLogin, PasskeyLogin passkeyLogin, ListPasskeys listPasskeys,
                       RenamePasskey renamePasskey, RemovePasskey removePasskey,
                       // account self-service: the security log
                       ListSecurityEvents listSecurityEvents, ReadAuditLog readAuditLog,
                       Reauthenticate reauthenticate, ListEmailAddresses listEmailAddresses,
                       AddEmailAddress addEmailAddress, ResendAddressConfirmation resendAddressConfirmation,
                       MakeEmailPrimary makeEmailPrimary, RemoveEmailAddress removeEmailAddress,
                       ListSessions listSessions, EndSessions endSessions) {

    /**
     * What the use cases are built from.
     *
     * @param jwt JWT mode's tokens, or null outside JWT mode (then {@code refreshToken} and {@code verifyToken} are
     *            null too: their endpoints do not exist)
     */
    public record Parts(Settings settings, Clock clock, Database database, Passwords passwords,
                        PasswordValidators validators, Throttle throttle, Tokens tokens, Sessions sessions,
                        RecentUses recentUses, PasswordResetTokens resetTokens, Outbox outbox,
                        MailTemplates mailTemplates, Keyring keyring, JsonWebTokens jwt) {
    }

    public static UseCases of(Parts p) {
        Settings settings = p.settings();
        Database database = p.database();
        JsonWebTokens jwt = p.jwt();
        JsonWebTokens revoking = settings.get(Settings.JWT_REVOKE_ON_LOGOUT) ? jwt : null;
        SecondFactors secondFactors = new SecondFactors(database, p.keyring(), p.throttle(), p.clock(), settings);
        SecurityLog log = new SecurityLog(database, p.clock());
        Reauthentications reauthentications = new Reauthentications(p.keyring(), p.clock(),
                Duration.ofSeconds(settings.get(Settings.REAUTHENTICATION_TIMEOUT)));
        SecurityNotices notices = new SecurityNotices(p.mailTemplates(), p.outbox(), p.clock(), settings);
        Devices devices = new Devices(p.keyring(), p.sessions(), p.recentUses(), p.clock());
        SignIn signIn = new SignIn(p.tokens(), p.sessions(), jwt, secondFactors, log, settings);
        PasskeyCeremonies passkeys = settings.get(Settings.PASSKEYS_ENABLED) ? new PasskeyCeremonies(database,
                secondFactors, p.keyring(), new RelyingParty(settings),
                Duration.ofSeconds(settings.get(Settings.PASSKEY_CHALLENGE_TIMEOUT))) : null;
        EmailConfirmations confirmations = new EmailConfirmations(p.keyring().secret(), p.clock(), settings, p.outbox(),
                p.mailTemplates());
        return new UseCases(
                new Login(database, p.passwords(), p.throttle(), signIn, log, p.clock(), settings),
                new Logout(database, p.tokens(), p.sessions(), jwt, log, settings),
                new Register(database, p.passwords(), p.throttle(), confirmations, signIn, p.mailTemplates(),
                        p.outbox(), p.clock(), settings),
                new ConfirmEmail(database, confirmations, log, notices, settings),
                new ResendConfirmation(database, p.throttle(), confirmations, p.outbox()),
                new RequestPasswordReset(database, p.throttle(), p.resetTokens(), p.mailTemplates(), p.outbox(),
                        settings),
                new ResetPassword(database, p.passwords(), p.throttle(), p.tokens(), p.sessions(), revoking, log,
                        notices, settings),
                new ChangePassword(database, p.passwords(), p.throttle(), p.tokens(), p.sessions(), revoking, log,
                        notices, settings),
                new UpdateProfile(database),
                new CreateUser(database, p.passwords(), p.validators(), p.clock()),
                new SocialLogin(database, p.throttle(), confirmations, signIn, p.clock(), settings),
                new ConnectSocialAccount(database, p.throttle(), signIn, log, p.clock()),
                new ListSocialAccounts(database),
                new DisconnectSocialAccount(database, log, settings),
                jwt != null ? new RefreshToken(database, jwt, settings) : null,
                jwt != null ? new VerifyToken(database, jwt) : null,
                new DeactivateUser(database, p.tokens(), p.sessions(), jwt, log),
                // second factors and passkeys
                new VerifySecondFactor(database, secondFactors, p.throttle(), signIn, log),
                new StartTotpActivation(database, secondFactors, p.keyring(), settings),
                new ActivateTotp(database, secondFactors, log),
                new DeactivateTotp(database, secondFactors, log),
                new ShowMfaStatus(database),
                new CountRecoveryCodes(database),
                new RegenerateRecoveryCodes(database, secondFactors, log),
                passkeys != null ? new BeginPasskeyRegistration(database, passkeys) : null,
                passkeys != null ? new RegisterPasskey(database, passkeys, log) : null,
                passkeys != null ? new BeginPasskeyLogin(database, passkeys, p.keyring()) : null,
                passkeys != null ? new PasskeyLogin(database, passkeys, p.throttle(), signIn) : null,
                passkeys != null ? new ListPasskeys(database) : null,
                passkeys != null ? new RenamePasskey(database) : null,
                passkeys != null ? new RemovePasskey(database, secondFactors, passkeys, log) : null,
                // account self-service
                new ListSecurityEvents(database),
                new ReadAuditLog(database),
                new Reauthenticate(database, p.passwords(), p.throttle(), secondFactors, reauthentications, log,
                        settings),
                new ListEmailAddresses(database),
                new AddEmailAddress(database, p.throttle(), confirmations, reauthentications, log, notices, settings),
                new ResendAddressConfirmation(database, p.throttle(), confirmations),
                new MakeEmailPrimary(database, reauthentications, log, notices),
                new RemoveEmailAddress(database, reauthentications, log),
                new ListSessions(database, devices),
                new EndSessions(database, devices, reauthentications, log));
    }
}
