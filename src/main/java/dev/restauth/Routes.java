package dev.restauth;

import dev.restauth.endpoint.LoginServlet;
import dev.restauth.endpoint.LogoutServlet;
import dev.restauth.endpoint.PasswordChangeServlet;
import dev.restauth.endpoint.PasswordResetConfirmServlet;
import dev.restauth.endpoint.PasswordResetServlet;
import dev.restauth.endpoint.UserDetailsServlet;
import dev.restauth.endpoint.registration.ConfirmEmailLinkServlet;
import dev.restauth.endpoint.registration.RegisterServlet;
import dev.restauth.endpoint.registration.ResendEmailVerificationServlet;
import dev.restauth.endpoint.registration.VerifyEmailServlet;
import dev.restauth.endpoint.social.SocialAccountDisconnectServlet;
import dev.restauth.endpoint.social.SocialAccountListServlet;
import dev.restauth.endpoint.social.SocialConnectServlet;
import dev.restauth.endpoint.social.SocialLoginServlet;
import dev.restauth.endpoint.social.UnconfiguredProviderServlet;
import dev.restauth.config.Settings;
import dev.restauth.http.ApiServlet.ApiSupport;
import dev.restauth.http.Router;
import dev.restauth.serializer.LoginSerializer;
import dev.restauth.serializer.PasswordChangeSerializer;
import dev.restauth.serializer.PasswordResetConfirmSerializer;
import dev.restauth.serializer.PasswordResetSerializer;
import dev.restauth.serializer.RegisterSerializer;
import dev.restauth.serializer.SerializerKey;
import dev.restauth.serializer.SerializerRegistry;
import dev.restauth.serializer.SocialConnectSerializer;
import dev.restauth.serializer.SocialLoginSerializer;
import dev.restauth.serializer.TokenSerializer;
import dev.restauth.serializer.UserDetailsSerializer;
import dev.restauth.social.SocialProvider;

import java.util.List;

/**
 * restauth's URL table, dj-rest-auth's {@code urls.py}: every endpoint, below the mount prefix, top to bottom.
 * Each path also answers without its trailing slash.
 */
final class Routes {
    /** Providers with a type of their own: their routes answer "not configured" until they are. */
    private static final List<String> BUILT_IN_PROVIDERS = List.of("facebook", "google", "github");

    private Routes() {
    }

    static Router build(RestAuth app, ApiSupport support) {
        return social(app, support, core(app, support));
    }

    private static Router core(RestAuth app, ApiSupport support) {
        SerializerRegistry serializers = app.serializers();
        Settings settings = app.settings();
        return new Router()
                .add("/password/reset/", new PasswordResetServlet(support,
                        serializers.get(SerializerKey.PASSWORD_RESET_SERIALIZER, PasswordResetSerializer.class),
                        app.passwordResets(), app.passwordResetLinks(), app.throttle()))
                .add("/password/reset/confirm/", new PasswordResetConfirmServlet(support,
                        serializers.get(SerializerKey.PASSWORD_RESET_CONFIRM_SERIALIZER,
                                PasswordResetConfirmSerializer.class),
                        app.passwordResets(), app.throttle()))
                .add("/login/", new LoginServlet(support,
                        serializers.get(SerializerKey.LOGIN_SERIALIZER, LoginSerializer.class),
                        serializers.get(SerializerKey.TOKEN_SERIALIZER, TokenSerializer.class),
                        app.logins(), app.tokens(), app.sessions(), settings.get(Settings.SESSION_LOGIN)))
                .add("/logout/", new LogoutServlet(support, app.tokens(), app.sessions(),
                        settings.get(Settings.SESSION_LOGIN)))
                .add("/user/", new UserDetailsServlet(support,
                        serializers.get(SerializerKey.USER_DETAILS_SERIALIZER, UserDetailsSerializer.class),
                        app.accounts()))
                .add("/password/change/", new PasswordChangeServlet(support,
                        serializers.get(SerializerKey.PASSWORD_CHANGE_SERIALIZER, PasswordChangeSerializer.class),
                        app.accounts(), app.sessions(), app.tokens(), app.throttle(),
                        settings.get(Settings.LOGOUT_ON_PASSWORD_CHANGE)))
                // dj_rest_auth.registration.urls, mounted at registration/
                .add("/registration/", new RegisterServlet(support,
                        serializers.get(SerializerKey.REGISTER_SERIALIZER, RegisterSerializer.class),
                        serializers.get(SerializerKey.TOKEN_SERIALIZER, TokenSerializer.class),
                        app.registrations(), app.confirmationLinks(), app.tokens(), app.sessions(), app.throttle(),
                        settings.get(Settings.EMAIL_VERIFICATION), settings.get(Settings.SESSION_LOGIN)))
                .add("/registration/verify-email/", new VerifyEmailServlet(support, app.confirmations()))
                .add("/registration/resend-email/", new ResendEmailVerificationServlet(support, app.registrations(),
                        app.confirmationLinks(), app.throttle()))
                .add("/registration/account-confirm-email/{key}/", new ConfirmEmailLinkServlet(support));
    }

    /** The project urls.py lines dj-rest-auth documents for social login, one pair per provider. */
    private static Router social(RestAuth app, ApiSupport support, Router router) {
        SerializerRegistry serializers = app.serializers();
        boolean sessionLogin = app.settings().get(Settings.SESSION_LOGIN);
        TokenSerializer tokenSerializer = serializers.get(SerializerKey.TOKEN_SERIALIZER, TokenSerializer.class);
        for (SocialProvider provider : app.socialProviders().all()) {
            router.add("/" + provider.id() + "/", new SocialLoginServlet(support, provider,
                            serializers.get(SerializerKey.SOCIAL_LOGIN_SERIALIZER, SocialLoginSerializer.class),
                            app.socialLogins(), app.confirmationLinks(), tokenSerializer, app.tokens(),
                            app.sessions(), sessionLogin, app.throttle()))
                    .add("/" + provider.id() + "/connect/", new SocialConnectServlet(support, provider,
                            serializers.get(SerializerKey.SOCIAL_CONNECT_SERIALIZER, SocialConnectSerializer.class),
                            app.socialLogins(), tokenSerializer, app.tokens(), app.sessions(), sessionLogin,
                            app.throttle()));
        }
        for (String id : BUILT_IN_PROVIDERS) {
            if (app.socialProviders().get(id).isEmpty()) {
                router.add("/" + id + "/", new UnconfiguredProviderServlet(support, id))
                        .add("/" + id + "/connect/", new UnconfiguredProviderServlet(support, id));
            }
        }
        return router
                .add("/socialaccounts/", new SocialAccountListServlet(support, app.socialLogins()))
                .add("/socialaccounts/{pk}/disconnect/", new SocialAccountDisconnectServlet(support,
                        app.socialLogins()));
    }
}
