package dev.restauth.endpoint.social;

import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenService;
import dev.restauth.endpoint.LoginServlet;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.serializer.SocialConnectSerializer;
import dev.restauth.serializer.TokenSerializer;
import dev.restauth.social.SocialLogins;
import dev.restauth.social.SocialCredentials;
import dev.restauth.social.SocialProvider;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;

/**
 * {@code POST /<provider>/connect/}: dj-rest-auth's {@code SocialConnectView}, for authenticated users. Takes the
 * same credentials as {@link SocialLoginServlet}, connects the provider's account to the user and answers as login
 * does, with the user's token. An account connected to another user answers 400 "The social account is already
 * connected to a different account." (the reference logs the caller in as that other user instead).
 */
public class SocialConnectServlet extends LoginServlet {
    private final transient SocialProvider provider;
    private final transient SocialConnectSerializer serializer;
    private final transient SocialLogins logins;
    private final transient Throttle throttle;

    public SocialConnectServlet(ApiSupport support, SocialProvider provider, SocialConnectSerializer serializer,
                                SocialLogins logins, TokenSerializer tokenSerializer, TokenService tokens,
                                SessionService sessions, boolean sessionLogin, Throttle throttle) {
        super(support, Access.AUTHENTICATED, tokenSerializer, tokens, sessions, sessionLogin);
        this.provider = provider;
        this.serializer = serializer;
        this.logins = logins;
        this.throttle = throttle;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        SocialCredentials credentials = serializer.validate(request.data());
        return respond(throttle.guard(Action.SOCIAL_LOGIN, request.clientAddress(), provider.id(),
                () -> logins.connect(request.user(), provider, credentials)));
    }
}
