package dev.restauth.social;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;

import dev.restauth.config.SocialApp;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;

import java.net.URI;

/**
 * The authorization code flow's server side (RFC 6749 section 4.1.3, with PKCE, RFC 7636), shared by every provider:
 * the client ran the authorization request itself and posts the {@code code}; restauth redeems it at the provider's
 * token endpoint with the app's credentials and the same redirect URI.
 */
final class CodeGrants {
    /** How the app's secret is sent to the token endpoint. */
    enum ClientAuth {
        /** HTTP Basic, {@code client_secret_basic}: OpenID Connect's default. */
        BASIC,
        /** In the form body, {@code client_secret_post}: what Facebook and GitHub document. */
        POST
    }

    private CodeGrants() {
    }

    /**
     * The redirect URI to redeem a code with: the one the client names with {@code redirect_uri}, if it is one of
     * the provider's {@code callback_url}s, else the first of them. The token endpoint checks it against the
     * authorization request's, so it must be the one the client used.
     *
     * @throws ValidationException "Define callback_url in view" (dj-rest-auth's words) when the provider has no
     *                             callback URL configured, or when the client names one that is not configured
     */
    static URI redirectUri(SocialApp app, String requested) {
        if (app.callbackUrls().isEmpty()) {
            throw ValidationException.nonField(Messages.get("social.callback_url_missing"));
        }
        if (requested == null) {
            return app.callbackUrls().get(0);
        }
        for (URI configured : app.callbackUrls()) {
            if (configured.toString().equals(requested)) {
                return configured;
            }
        }
        throw ValidationException.nonField(Messages.get("social.redirect_uri_not_allowed"));
    }

    /** The token request for a code, authenticated with the app's secret, or as a public client without one. */
    static HTTPRequest tokenRequest(URI endpoint, SocialApp app, ClientAuth auth, SocialCredentials credentials) {
        URI redirect = redirectUri(app, credentials.redirectUri());
        CodeVerifier verifier;
        try {
            verifier = credentials.codeVerifier() == null ? null : new CodeVerifier(credentials.codeVerifier());
        } catch (IllegalArgumentException e) {
            throw ProviderErrors.incorrectValue(); // not 43 to 128 unreserved characters: no provider accepts it
        }
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(credentials.code()), redirect,
                verifier);
        ClientID clientId = new ClientID(app.clientId());
        TokenRequest request;
        if (app.secret() == null) {
            request = new TokenRequest(endpoint, clientId, grant, null);
        } else {
            Secret secret = new Secret(app.secret());
            ClientAuthentication authentication = auth == ClientAuth.BASIC
                    ? new ClientSecretBasic(clientId, secret) : new ClientSecretPost(clientId, secret);
            request = new TokenRequest(endpoint, authentication, grant, null);
        }
        HTTPRequest http = request.toHTTPRequest();
        // GitHub answers form-encoded unless asked for JSON.
        http.setAccept("application/json");
        return http;
    }

    /**
     * Redeems a code and returns the access token (plain OAuth 2.0 providers: Facebook, GitHub).
     *
     * @throws ValidationException "Incorrect value" when the provider refuses the code or answers something else
     */
    static AccessToken accessToken(String providerId, ProviderHttp http, HTTPRequest tokenRequest) {
        HTTPResponse answer = http.call(providerId, tokenRequest);
        try {
            TokenResponse response = TokenResponse.parse(answer);
            if (!response.indicatesSuccess()) {
                throw ProviderErrors.incorrectValue();
            }
            return response.toSuccessResponse().getTokens().getAccessToken();
        } catch (ParseException e) {
            throw ProviderErrors.incorrectValue();
        }
    }
}
