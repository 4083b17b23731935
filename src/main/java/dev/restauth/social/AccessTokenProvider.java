package dev.restauth.social;

import dev.restauth.config.SocialApp;

import java.net.URI;

/**
 * A provider whose clients send an OAuth 2.0 {@code access_token} or an authorization {@code code} (Facebook,
 * GitHub): a client's token is first checked to be this app's, a code is redeemed at the provider's token endpoint
 * (then the token is the app's by construction), and the user's profile is read with the token. Subclasses say
 * where codes are redeemed, how a token is checked and how the profile is read. Thread-safe.
 */
abstract class AccessTokenProvider implements SocialProvider {
    protected final SocialApp app;
    protected final ProviderHttp http;

    AccessTokenProvider(SocialApp app, ProviderHttp http) {
        this.app = app;
        this.http = http;
    }

    @Override
    public final String id() {
        return app.id();
    }

    @Override
    public final SocialIdentity authenticate(SocialCredentials credentials) {
        String token;
        if (credentials.accessToken() != null) {
            token = credentials.accessToken();
            requireTokenOfThisApp(token);
        } else if (credentials.code() != null) {
            token = CodeGrants.accessToken(id(), http, CodeGrants.tokenRequest(tokenEndpoint(), app,
                    CodeGrants.ClientAuth.POST, credentials)).getValue();
        } else {
            throw ProviderErrors.inputRequired();
        }
        return profile(token);
    }

    /** Where an authorization code is redeemed for an access token. */
    protected abstract URI tokenEndpoint();

    /**
     * Refuses a token the provider did not issue to this app: a token any other app obtained for the same person
     * would otherwise log in as them here.
     *
     * @throws dev.restauth.error.ValidationException "Incorrect value" when the token is not this app's
     */
    protected abstract void requireTokenOfThisApp(String token);

    /** The identity of the token's user, read from the provider. */
    protected abstract SocialIdentity profile(String token);
}
