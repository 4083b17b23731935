package dev.restauth.endpoint.social;

import dev.restauth.account.ConnectSocialAccount;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.endpoint.LoginResponse;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.SocialConnectSerializer;
import dev.restauth.social.SocialProvider;

/**
 * {@code POST /<provider>/connect/}: dj-rest-auth's {@code SocialConnectView}, for authenticated users. Takes the
 * same credentials as {@link SocialLoginServlet}, connects the provider's account to the user and answers as login
 * does, with the user's token. An account connected to another user answers 400 "The social account is already
 * connected to a different account." (see {@link ConnectSocialAccount}).
 */
public class SocialConnectServlet extends ApiServlet {
    private final SocialProvider provider;
    private final SocialConnectSerializer serializer;
    private final ConnectSocialAccount connect;
    private final LoginResponse response;

    public SocialConnectServlet(SocialProvider provider, SocialConnectSerializer serializer,
                                ConnectSocialAccount connect, LoginResponse response) {
        super(Access.AUTHENTICATED, "POST");
        this.provider = provider;
        this.serializer = serializer;
        this.connect = connect;
        this.response = response;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return response.ok(connect.run(request.user(), provider, serializer.validate(request.data()),
                request.client()));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("social").post(Operation.of("Connect a " + provider.id() + " account to the user")
                .body(serializer.schema())
                .answers(200, "Connected.", response.schema(), LoginResponse.cookieHeaders())
                .invalid("No or refused credentials, or an account connected to another user.")
                .throttled()
                .refuses(502, "The provider answered something unusable.")
                .refuses(504, "The provider did not answer in time."));
    }
}
