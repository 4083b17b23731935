package dev.restauth.endpoint.social;

import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenService;
import dev.restauth.endpoint.LoginServlet;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.LinkTemplate;
import dev.restauth.serializer.SocialLoginSerializer;
import dev.restauth.serializer.TokenSerializer;
import dev.restauth.social.SocialCredentials;
import dev.restauth.social.SocialLogins;
import dev.restauth.social.SocialProvider;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

import java.util.Map;

/**
 * {@code POST /<provider>/} (e.g. {@code /facebook/}, {@code /google/}): dj-rest-auth's {@code SocialLoginView}, one
 * instance per configured provider. Accepts {@code access_token}, {@code code} (with {@code code_verifier} and
 * {@code redirect_uri}) or {@code id_token} (with {@code nonce}), as the provider takes them; finds or creates the
 * user and answers as login does: {@code 200 {"key": "<40 hex>"}}, plus the session cookies when session login is on.
 *
 * <p>Answers 400 {@code non_field_errors} "Incorrect input. access_token or code is required." without credentials,
 * "Incorrect value" when the provider does not confirm them, "User is already registered with this e-mail address."
 * when a new account's address belongs to a local user; 502 or 504 when the provider cannot be reached in time.
 */
public class SocialLoginServlet extends LoginServlet {
    private final transient SocialProvider provider;
    private final transient SocialLoginSerializer serializer;
    private final transient SocialLogins logins;
    private final transient LinkTemplate confirmationLinks;
    private final transient Throttle throttle;

    public SocialLoginServlet(ApiSupport support, SocialProvider provider, SocialLoginSerializer serializer,
                              SocialLogins logins, LinkTemplate confirmationLinks, TokenSerializer tokenSerializer,
                              TokenService tokens, SessionService sessions, boolean sessionLogin, Throttle throttle) {
        super(support, Access.ANYONE, tokenSerializer, tokens, sessions, sessionLogin);
        this.provider = provider;
        this.serializer = serializer;
        this.logins = logins;
        this.confirmationLinks = confirmationLinks;
        this.throttle = throttle;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        LinkTemplate.Bound link = confirmationLinks.bind(request);
        SocialCredentials credentials = serializer.validate(request.data());
        User user = throttle.guard(Action.SOCIAL_LOGIN, request.clientAddress(), provider.id(),
                () -> logins.login(provider, credentials, key -> link.expand(Map.of("key", key))));
        return respond(user);
    }
}
