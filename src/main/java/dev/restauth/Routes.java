package dev.restauth;

import static dev.restauth.serializer.SerializerKey.LOGIN_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSWORD_CHANGE_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSWORD_RESET_CONFIRM_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSWORD_RESET_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.REGISTER_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.SOCIAL_ACCOUNT_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.SOCIAL_CONNECT_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.SOCIAL_LOGIN_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.TOKEN_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.USER_DETAILS_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.JWT_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.JWT_SERIALIZER_WITH_EXPIRATION;
import static dev.restauth.serializer.SerializerKey.TOKEN_REFRESH_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.TOKEN_VERIFY_SERIALIZER;

import static dev.restauth.serializer.SerializerKey.MFA_TOTP_ACTIVATE_CONFIRM_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.MFA_TOTP_DEACTIVATE_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.MFA_VERIFY_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSKEY_LIST_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSKEY_LOGIN_BEGIN_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSKEY_LOGIN_COMPLETE_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSKEY_REGISTER_COMPLETE_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSKEY_REMOVE_SERIALIZER;
import static dev.restauth.serializer.SerializerKey.PASSKEY_UPDATE_SERIALIZER;

import dev.restauth.account.CheckReadiness;
import dev.restauth.account.UseCases;
import dev.restauth.auth.JwtCookies;
import dev.restauth.auth.SessionCookies;
import dev.restauth.endpoint.HealthServlet;
import dev.restauth.endpoint.JsonWebKeySetServlet;
import dev.restauth.endpoint.account.EmailAddressesServlet;
import dev.restauth.endpoint.account.ReauthenticateServlet;
import dev.restauth.endpoint.account.SecurityLogServlet;
import dev.restauth.endpoint.account.SessionsServlet;
import dev.restauth.endpoint.LoginResponse;
import dev.restauth.endpoint.LoginServlet;
import dev.restauth.endpoint.LogoutServlet;
import dev.restauth.endpoint.PasswordChangeServlet;
import dev.restauth.endpoint.PasswordResetConfirmServlet;
import dev.restauth.endpoint.PasswordResetServlet;
import dev.restauth.endpoint.TokenRefreshServlet;
import dev.restauth.endpoint.TokenVerifyServlet;
import dev.restauth.endpoint.UserDetailsServlet;
import dev.restauth.endpoint.mfa.MFAStatusServlet;
import dev.restauth.endpoint.mfa.MFAVerifyServlet;
import dev.restauth.endpoint.mfa.RecoveryCodesServlet;
import dev.restauth.endpoint.mfa.RegenerateRecoveryCodesServlet;
import dev.restauth.endpoint.mfa.TOTPActivateServlet;
import dev.restauth.endpoint.mfa.TOTPDeactivateServlet;
import dev.restauth.endpoint.passkeys.PasskeyDetailServlet;
import dev.restauth.endpoint.passkeys.PasskeyListServlet;
import dev.restauth.endpoint.passkeys.PasskeyLoginBeginServlet;
import dev.restauth.endpoint.passkeys.PasskeyLoginCompleteServlet;
import dev.restauth.endpoint.passkeys.PasskeyRegisterBeginServlet;
import dev.restauth.endpoint.passkeys.PasskeyRegisterCompleteServlet;
import dev.restauth.endpoint.registration.ConfirmEmailLinkServlet;
import dev.restauth.endpoint.registration.RegisterServlet;
import dev.restauth.endpoint.registration.ResendEmailVerificationServlet;
import dev.restauth.endpoint.registration.VerifyEmailServlet;
import dev.restauth.endpoint.social.SocialAccountDisconnectServlet;
import dev.restauth.endpoint.social.SocialAccountListServlet;
import dev.restauth.endpoint.social.SocialConnectServlet;
import dev.restauth.endpoint.social.SocialLoginServlet;
import dev.restauth.endpoint.social.UnconfiguredProviderServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.http.Router;
import dev.restauth.config.Settings;
import dev.restauth.openapi.DocsServlet;
import dev.restauth.openapi.SchemaServlet;
import dev.restauth.serializer.SerializerRegistry;
import dev.restauth.social.SocialProvider;
import dev.restauth.social.SocialProviders;

import java.util.List;

/**
 * restauth's URL table, dj-rest-auth's {@code urls.py}: every endpoint below the mount prefix, one line each, top to
 * bottom, with the use case it calls. Each path also answers without its trailing slash.
 */
final class Routes {
    /** Providers with a type of their own: their routes answer "not configured" until they are. */
    private static final List<String> BUILT_IN_PROVIDERS = List.of("facebook", "google", "github");

    /**
     * What the endpoints are built from.
     *
     * @param jwt JWT mode's parts, or null outside JWT mode
     * @param mfa whether the {@code mfa/} endpoints are served ({@code mfa_enabled}); the {@code passkeys/} ones are
     *            when their use cases exist ({@code passkeys_enabled})
     */
    record Parts(UseCases useCases, SerializerRegistry serializers, LinkTemplate resetLinks,
                 LinkTemplate confirmationLinks, SessionCookies cookies, SocialProviders providers, Jwt jwt,
                 boolean mfa) {
    }

    /**
     * JWT mode's parts.
     *
     * @param keySet the JWK Set of the public keys, or null for an HMAC algorithm (no {@code jwks/} then)
     * @param csrf   whether cookie-borne JWTs need the CSRF token ({@code jwt_auth_cookie_use_csrf})
     * @param returnExpiration login answers the expirations too ({@code jwt_auth_return_expiration})
     */
    record Jwt(JwtCookies cookies, String keySet, boolean csrf, boolean returnExpiration) {
    }

    private Routes() {
    }

    static Router build(Router router, Parts p) {
        UseCases u = p.useCases();
        SerializerRegistry s = p.serializers();
        LoginResponse login = new LoginResponse(s.get(TOKEN_SERIALIZER), p.cookies(), p.jwt() == null ? null
                : new LoginResponse.Jwt(s.get(p.jwt().returnExpiration() ? JWT_SERIALIZER_WITH_EXPIRATION
                        : JWT_SERIALIZER), s.get(JWT_SERIALIZER), s.get(USER_DETAILS_SERIALIZER), p.jwt().cookies()));
        JwtCookies jwtCookies = p.jwt() == null ? null : p.jwt().cookies();
        router
            .add("/password/reset/", new PasswordResetServlet(s.get(PASSWORD_RESET_SERIALIZER), u.requestPasswordReset(), p.resetLinks()))
            .add("/password/reset/confirm/", new PasswordResetConfirmServlet(s.get(PASSWORD_RESET_CONFIRM_SERIALIZER), u.resetPassword()))
            .add("/login/", new LoginServlet(s.get(LOGIN_SERIALIZER), u.login(), login))
            .add("/logout/", new LogoutServlet(u.logout(), p.cookies(), jwtCookies))
            .add("/user/", new UserDetailsServlet(s.get(USER_DETAILS_SERIALIZER), u.updateProfile()))
            .add("/password/change/", new PasswordChangeServlet(s.get(PASSWORD_CHANGE_SERIALIZER), u.changePassword(), p.cookies()))
            // dj_rest_auth.registration.urls, mounted at registration/
            .add("/registration/", new RegisterServlet(s.get(REGISTER_SERIALIZER), u.register(), p.confirmationLinks(), login))
            .add("/registration/verify-email/", new VerifyEmailServlet(u.confirmEmail()))
            .add("/registration/resend-email/", new ResendEmailVerificationServlet(u.resendConfirmation(), p.confirmationLinks()))
            .add("/registration/account-confirm-email/{key}/", new ConfirmEmailLinkServlet())
            // the project's urls.py lines dj-rest-auth documents for social login, a pair per provider
            .add("/socialaccounts/", new SocialAccountListServlet(s.get(SOCIAL_ACCOUNT_SERIALIZER), u.listSocialAccounts()))
            .add("/socialaccounts/{pk}/disconnect/", new SocialAccountDisconnectServlet(u.disconnectSocialAccount()));
        if (p.jwt() != null) {
            // dj_rest_auth.urls with USE_JWT; jwks/ is restauth's own, for the asymmetric algorithms
            router
                .add("/token/verify/", new TokenVerifyServlet(s.get(TOKEN_VERIFY_SERIALIZER), u.verifyToken()))
                .add("/token/refresh/", new TokenRefreshServlet(s.get(TOKEN_REFRESH_SERIALIZER), u.refreshToken(), jwtCookies, p.jwt().csrf()));
            if (p.jwt().keySet() != null) {
                router.add("/jwks/", new JsonWebKeySetServlet(p.jwt().keySet()));
            }
        }
        if (p.mfa()) {
            // dj_rest_auth.mfa.urls, mounted at mfa/
            router
                .add("/mfa/verify/", new MFAVerifyServlet(s.get(MFA_VERIFY_SERIALIZER), u.verifySecondFactor(), login))
                .add("/mfa/totp/activate/", new TOTPActivateServlet(u.startTotpActivation(), u.activateTotp(), s.get(MFA_TOTP_ACTIVATE_CONFIRM_SERIALIZER)))
                .add("/mfa/totp/deactivate/", new TOTPDeactivateServlet(s.get(MFA_TOTP_DEACTIVATE_SERIALIZER), u.deactivateTotp()))
                .add("/mfa/status/", new MFAStatusServlet(u.showMfaStatus()))
                .add("/mfa/recovery-codes/", new RecoveryCodesServlet(u.countRecoveryCodes()))
                .add("/mfa/recovery-codes/regenerate/", new RegenerateRecoveryCodesServlet(s.get(MFA_TOTP_DEACTIVATE_SERIALIZER), u.regenerateRecoveryCodes()));
        }
        if (u.passkeyLogin() != null) {
            // dj_rest_auth.passkeys.urls, mounted at passkeys/
            router
                .add("/passkeys/register/begin/", new PasskeyRegisterBeginServlet(u.beginPasskeyRegistration()))
                .add("/passkeys/register/complete/", new PasskeyRegisterCompleteServlet(s.get(PASSKEY_REGISTER_COMPLETE_SERIALIZER), u.registerPasskey(), s.get(PASSKEY_LIST_SERIALIZER)))
                .add("/passkeys/login/begin/", new PasskeyLoginBeginServlet(s.get(PASSKEY_LOGIN_BEGIN_SERIALIZER), u.beginPasskeyLogin()))
                .add("/passkeys/login/complete/", new PasskeyLoginCompleteServlet(s.get(PASSKEY_LOGIN_COMPLETE_SERIALIZER), u.passkeyLogin(), login))
                .add("/passkeys/", new PasskeyListServlet(s.get(PASSKEY_LIST_SERIALIZER), u.listPasskeys()))
                .add("/passkeys/{id}/", new PasskeyDetailServlet(s.get(PASSKEY_LIST_SERIALIZER), s.get(PASSKEY_UPDATE_SERIALIZER), s.get(PASSKEY_REMOVE_SERIALIZER), u.listPasskeys(), u.renamePasskey(), u.removePasskey()));
        }
        // account self-service
        router
            .add("/security-log/", new SecurityLogServlet(u.listSecurityEvents()))
            .add("/reauthenticate/", new ReauthenticateServlet(u.reauthenticate()))
            .add("/emails/", new EmailAddressesServlet(u.listEmailAddresses(), u.addEmailAddress(), u.resendAddressConfirmation(), u.makeEmailPrimary(), u.removeEmailAddress(), p.confirmationLinks()))
            .add("/sessions/", new SessionsServlet(u.listSessions(), u.endSessions()));
        for (SocialProvider provider : p.providers().all()) {
            router
                .add("/" + provider.id() + "/", new SocialLoginServlet(provider, s.get(SOCIAL_LOGIN_SERIALIZER), u.socialLogin(), p.confirmationLinks(), login))
                .add("/" + provider.id() + "/connect/", new SocialConnectServlet(provider, s.get(SOCIAL_CONNECT_SERIALIZER), u.connectSocialAccount(), login));
        }
        for (String id : BUILT_IN_PROVIDERS) {
            if (p.providers().get(id).isEmpty()) {
                router
                    .add("/" + id + "/", new UnconfiguredProviderServlet(id))
                    .add("/" + id + "/connect/", new UnconfiguredProviderServlet(id));
            }
        }
        return router;
    }

    /**
     * restauth's own routes, about the service itself: its readiness, its OpenAPI document (built from every other
     * route of the table) and a page that shows it. Added last, so the document sees the whole table.
     */
    static Router service(Router router, Settings settings, CheckReadiness readiness) {
        DocsServlet docs = new DocsServlet();
        return router
            .add("/health/", new HealthServlet(readiness))
            .add("/schema/", new SchemaServlet(router, settings))
            .add("/docs/", docs)
            .add("/docs/{file}/", docs);
    }
}
