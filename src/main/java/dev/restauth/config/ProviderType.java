package dev.restauth.config;

import java.util.Locale;

/**
 * The kinds of social login provider restauth speaks to, as allauth's provider classes: each configured provider
 * (a {@link SocialApp}) is one of these.
 */
public enum ProviderType {
    /** Facebook Login: an access token checked against the app and read through the Graph API. */
    FACEBOOK,
    /** GitHub OAuth apps: a code or an access token, the profile and the addresses from GitHub's REST API. */
    GITHUB,
    /** Sign in with Google: an OpenID Connect provider at Google's issuer. */
    GOOGLE,
    /** Any OpenID Connect provider found by discovery (Keycloak, Auth0, Okta, Azure AD, GitLab, ...). */
    OIDC;

    /** The name in settings, e.g. {@code github}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a provider id implies when its {@code type} is not set: the built-in ids, else {@link #OIDC}. */
    static ProviderType impliedBy(String providerId) {
        for (ProviderType type : values()) {
            if (type != OIDC && type.settingName().equals(providerId)) {
                return type;
            }
        }
        return OIDC;
    }
}
