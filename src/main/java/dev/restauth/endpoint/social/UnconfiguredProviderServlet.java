package dev.restauth.endpoint.social;

import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.error.ApiException;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.text.Messages;

/**
 * {@code POST /facebook/}, {@code /google/} or {@code /github/} (and their {@code connect/}) while that provider is
 * not configured: 404 {@code {"detail":"Social login with \"facebook\" is not configured."}}, so a client learns what
 * is wrong (the reference answers an HTML 500). Other methods get the 405 a configured provider's route gives.
 */
public class UnconfiguredProviderServlet extends ApiServlet {
    private final String provider;

    public UnconfiguredProviderServlet(String provider) {
        super(Access.ANYONE, "POST");
        this.provider = provider;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        throw notConfigured();
    }

    private ApiException notConfigured() {
        return ApiException.notFound(Messages.get("social.not_configured", provider));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("social").post(Operation.of("Social login with " + provider + " (not configured)")
                .refuses(404, "The provider is not configured."));
    }
}
