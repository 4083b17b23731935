package dev.restauth.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of one social provider, written {@code social.<id>.<key>} (for example
 * {@code social.keycloak.client_id}), allauth's {@code SOCIALACCOUNT_PROVIDERS[<id>]["APP"]} and provider settings.
 * Each applies to some {@link ProviderType}s only; a key given for a provider it does not apply to stops the start,
 * as an unknown key does.
 */
public enum SocialKey {
    TYPE("type", false, EnumSet.allOf(ProviderType.class), "SOCIALACCOUNT_PROVIDERS (the provider class)",
            "`facebook`, `github`, `google` or `oidc`. Default: the id itself for `facebook`, `github` and "
                    + "`google`, else `oidc`."),
    CLIENT_ID("client_id", false, EnumSet.allOf(ProviderType.class), "SocialApp.client_id",
            "The app's client id (Facebook: the app id). Required."),
    SECRET("secret", true, EnumSet.allOf(ProviderType.class), "SocialApp.secret",
            "The app's client secret. Required for `facebook` and `github`; an OpenID Connect client without one "
                    + "is a public client (PKCE)."),
    CALLBACK_URL("callback_url", false, EnumSet.allOf(ProviderType.class), "SocialLoginView.callback_url",
            "The redirect URIs the app registered, comma-separated, for the `code` flow; a client picks one "
                    + "with `redirect_uri`, else the first is used."),
    ISSUER("issuer", false, EnumSet.of(ProviderType.GOOGLE, ProviderType.OIDC), "APP settings server_url",
            "The OpenID Connect issuer, exactly as its tokens name it. Required for `oidc`; Google's "
                    + "(`https://accounts.google.com`) for `google`."),
    DISCOVERY_URL("discovery_url", false, EnumSet.of(ProviderType.GOOGLE, ProviderType.OIDC), "-",
            "Where the provider's metadata is read. Default: `<issuer>/.well-known/openid-configuration`."),
    GRAPH_URL("graph_url", false, EnumSet.of(ProviderType.FACEBOOK), "GRAPH_API_URL",
            "Base URL of the Graph API. Default: `https://graph.facebook.com`."),
    GRAPH_VERSION("graph_version", false, EnumSet.of(ProviderType.FACEBOOK), "SOCIALACCOUNT_PROVIDERS facebook VERSION",
            "Graph API version, e.g. `v25.0` (the default)."),
    API_URL("api_url", false, EnumSet.of(ProviderType.GITHUB), "SOCIALACCOUNT_PROVIDERS github GITHUB_URL",
            "Base URL of GitHub's REST API. Default: `https://api.github.com` (GitHub Enterprise: "
                    + "`https://<host>/api/v3`)."),
    OAUTH_URL("oauth_url", false, EnumSet.of(ProviderType.GITHUB), "SOCIALACCOUNT_PROVIDERS github GITHUB_URL",
            "Base URL of GitHub's OAuth endpoints. Default: `https://github.com/login/oauth`.");

    /** A provider id: lower-case letters and digits, starting with a letter (it is a URL segment and in names). */
    static final Pattern PROVIDER_ID = Pattern.compile("[a-z][a-z0-9]{0,49}");
    private static final Pattern GRAPH_VERSION_FORMAT = Pattern.compile("v[0-9]+\\.[0-9]+");

    private final String key;
    private final boolean secret;
    private final Set<ProviderType> types;
    private final String djangoName;
    private final String description;

    SocialKey(String key, boolean secret, Set<ProviderType> types, String djangoName, String description) {
        this.key = key;
        this.secret = secret;
        this.types = types;
        this.djangoName = djangoName;
        this.description = description;
    }

    /** The key after {@code social.<id>.}, e.g. {@code client_id}. */
    public String key() {
        return key;
    }

    /** True for the client secret: never printed. */
    public boolean secret() {
        return secret;
    }

    /** Whether this key means anything for a provider of this type. */
    public boolean appliesTo(ProviderType type) {
        return types.contains(type);
    }

    /** The name the Python stack gives the same knob; "-" when none. */
    public String djangoName() {
        return djangoName;
    }

    /** One sentence for the README table. */
    public String description() {
        return description;
    }

    /** The sub-key spelled so, if any. */
    static SocialKey of(String key) {
        for (SocialKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Checks a raw value; returns it cleaned.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing a secret)
     */
    String check(String raw) {
        String value = raw.strip();
        switch (this) {
            case TYPE:
                for (ProviderType type : ProviderType.values()) {
                    if (type.settingName().equals(value.toLowerCase(Locale.ROOT))) {
                        return type.settingName();
                    }
                }
                throw new IllegalArgumentException("expected one of facebook, github, google, oidc");
            case CLIENT_ID:
            case SECRET:
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("must not be blank");
                }
                return value;
            case CALLBACK_URL:
                for (String item : value.split(",")) {
                    absoluteUri(item.strip(), false);
                }
                return value;
            case GRAPH_VERSION:
                if (!GRAPH_VERSION_FORMAT.matcher(value).matches()) {
                    throw new IllegalArgumentException("expected a version like v25.0");
                }
                return value;
            case ISSUER:
            case DISCOVERY_URL:
            case GRAPH_URL:
            case API_URL:
            case OAUTH_URL:
                absoluteUri(value, true);
                return value.endsWith("/") && this != ISSUER ? value.substring(0, value.length() - 1) : value;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** The callback URLs of a checked {@link #CALLBACK_URL} value. */
    static List<URI> callbackUrls(String value) {
        List<URI> urls = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    urls.add(URI.create(item.strip()));
                }
            }
        }
        return List.copyOf(urls);
    }

    /**
     * An absolute URI. Endpoints restauth calls must be http(s); a redirect URI may have an app's own scheme
     * ({@code com.example.app:/callback}), as mobile apps register them.
     */
    private static URI absoluteUri(String raw, boolean http) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a URL");
        }
        if (!uri.isAbsolute() || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + raw + "' is not an absolute URL without a fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (http && !scheme.equals("http") && !scheme.equals("https") || http && uri.getHost() == null) {
            throw new IllegalArgumentException("'" + raw + "' is not an http(s) URL");
        }
        return uri;
    }
}
