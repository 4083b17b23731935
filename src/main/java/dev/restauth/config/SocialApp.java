package dev.restauth.config;

import java.net.URI;
import java.util.List;

/**
 * One configured social provider, allauth's {@code SocialApp}: its id (the URL segment, e.g. {@code keycloak} in
 * {@code /keycloak/}), its type and the credentials and addresses restauth uses to talk to it. Immutable; built by
 * {@link Settings} from the {@code social.<id>.*} settings, which it has checked, so the fields a type needs are set.
 *
 * @param secret       the client secret, or null for a public OpenID Connect client
 * @param callbackUrls the redirect URIs the code flow may use; empty when the code flow is not configured
 * @param issuer       the OpenID Connect issuer ({@code google}, {@code oidc}), else null
 * @param discoveryUrl where the OpenID Connect metadata is read ({@code google}, {@code oidc}), else null
 * @param graphUrl     the Graph API's base URL, without version ({@code facebook}), else null
 * @param graphVersion the Graph API version, e.g. {@code v25.0} ({@code facebook}), else null
 * @param apiUrl       GitHub's REST API base URL ({@code github}), else null
 * @param oauthUrl     GitHub's OAuth base URL ({@code github}), else null
 */
public record SocialApp(String id, ProviderType type, String clientId, String secret, List<URI> callbackUrls,
                        String issuer, URI discoveryUrl, URI graphUrl, String graphVersion, URI apiUrl,
                        URI oauthUrl) {

    public SocialApp {
        callbackUrls = List.copyOf(callbackUrls);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SocialApp{id=" + id + ", type=" + type.settingName() + ", client_id=" + clientId + "}";
    }
}
