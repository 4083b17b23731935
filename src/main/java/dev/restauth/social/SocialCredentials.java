package dev.restauth.social;

/**
 * What a client proves its user's identity at a provider with, as the social login serializer read it from the
 * body. Each value is null when the client did not send it (blank counts as not sent, as in dj-rest-auth).
 *
 * @param accessToken  a provider access token the client obtained itself (Facebook, GitHub)
 * @param code         an authorization code to exchange, with {@code redirectUri} and, for PKCE, {@code codeVerifier}
 * @param codeVerifier the PKCE code verifier (RFC 7636) of the authorization request that produced {@code code}
 * @param idToken      an OpenID Connect ID token issued to restauth's client id
 * @param nonce        the nonce the client put in its authorization request; the ID token must carry it
 * @param redirectUri  which of the provider's configured callback URLs the authorization request used
 */
public record SocialCredentials(String accessToken, String code, String codeVerifier, String idToken, String nonce,
                                String redirectUri) {

    /** Names what was sent, never its value: these are credentials. */
    @Override
    public String toString() {
        return "SocialCredentials{" + (accessToken != null ? "access_token " : "") + (code != null ? "code " : "")
                + (idToken != null ? "id_token" : "") + "}";
    }
}
