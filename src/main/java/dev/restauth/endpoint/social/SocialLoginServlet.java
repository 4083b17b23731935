package dev.restauth.endpoint.social;

import dev.restauth.account.SocialLogin;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.auth.Sessions;
import dev.restauth.endpoint.LoginResponse;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.serializer.SocialLoginSerializer;
import dev.restauth.social.SocialProvider;

import java.util.Map;

/**
 * {@code POST /<provider>/} (e.g. {@code /facebook/}, {@code /google/}): dj-rest-auth's {@code SocialLoginView}, one
 * instance per configured provider. Accepts {@code access_token}, {@code code} (with {@code code_verifier} and
 * {@code redirect_uri}) or {@code id_token} (with {@code nonce}), as the provider takes them; finds or creates the
 * user and answers as login does: {@code 200 {"key": "<40 hex>"}}, plus the session cookies when session login is on.
 *
 * <p>Answers 400 {@code non_field_errors} "Incorrect input. access_token or code is required." without credentials,
 * "Incorrect value" when the provider does not confirm them, "User is already registered with this e-mail address."
 * when a new account's address belongs to a local user; 502 or 504 when the provider cannot be reached in time (see
 * {@link SocialLogin}).
 */
public class SocialLoginServlet extends ApiServlet {
    private final SocialProvider provider;
    private final SocialLoginSerializer serializer;
    private final SocialLogin socialLogin;
    private final LinkTemplate confirmationLinks;
    private final LoginResponse response;

    public SocialLoginServlet(SocialProvider provider, SocialLoginSerializer serializer, SocialLogin socialLogin,
                              LinkTemplate confirmationLinks, LoginResponse response) {
        super(Access.ANYONE, "POST");
        this.provider = provider;
        this.serializer = serializer;
        this.socialLogin = socialLogin;
        this.confirmationLinks = confirmationLinks;
        this.response = response;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        LinkTemplate.Bound link = confirmationLinks.bind(request);
        return response.ok(socialLogin.run(provider, serializer.validate(request.data()), request.client(),
                request.cookie(Sessions.SESSION_COOKIE), key -> link.expand(Map.of("key", key))));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("social").post(Operation.of("Log in with " + provider.id())
                .body(serializer.schema())
                .answers(200, "Logged in.", response.schema(), LoginResponse.cookieHeaders())
                .invalid("No or refused credentials, or an address a local user owns.")
                .throttled()
                .refuses(502, "The provider answered something unusable.")
                .refuses(504, "The provider did not answer in time."));
    }
}
