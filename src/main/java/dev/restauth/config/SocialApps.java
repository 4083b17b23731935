package dev.restauth.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The {@code social.<id>.<key>} settings as given, and their check into {@link SocialApp}s against
 * {@code social_providers}. Keys are checked one by one when set (unknown key, malformed value) and as a whole when
 * the settings are built (a provider without its client id, a key for a provider nobody listed, a key its type does
 * not use). Not thread-safe while collecting; {@link Settings} keeps only the immutable result.
 */
final class SocialApps {
    /** Every key of this family starts so. */
    static final String PREFIX = "social.";

    private static final String DEFAULT_GOOGLE_ISSUER = "https://accounts.google.com";
    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    private static final URI DEFAULT_GRAPH_URL = URI.create("https://graph.facebook.com");
    private static final String DEFAULT_GRAPH_VERSION = "v25.0";
    private static final URI DEFAULT_GITHUB_API_URL = URI.create("https://api.github.com");
    private static final URI DEFAULT_GITHUB_OAUTH_URL = URI.create("https://github.com/login/oauth");

    /** Raw checked values by provider id, in the order first set. */
    private final Map<String, Map<SocialKey, String>> values = new LinkedHashMap<>();

    SocialApps copy() {
        SocialApps copy = new SocialApps();
        values.forEach((id, keys) -> copy.values.put(id, new EnumMap<>(keys)));
        return copy;
    }

    /** True for a key of this family, {@code social.<something>.<something>}. */
    static boolean isSocialKey(String key) {
        return key.startsWith(PREFIX) && key.indexOf('.', PREFIX.length()) > PREFIX.length();
    }

    /**
     * The dotted key an environment variable's name stands for, {@code social_keycloak_client_id} →
     * {@code social.keycloak.client_id}, or null when the name is not of this family. Provider ids have no
     * underscore, so the first underscore after {@code social_} ends the id.
     */
    static String fromEnvironmentName(String lowerCaseName) {
        if (!lowerCaseName.startsWith("social_")) {
            return null;
        }
        String rest = lowerCaseName.substring("social_".length());
        int split = rest.indexOf('_');
        if (split <= 0 || SocialKey.of(rest.substring(split + 1)) == null) {
            return null;
        }
        return PREFIX + rest.substring(0, split) + "." + rest.substring(split + 1);
    }

    /**
     * Records {@code social.<id>.<key>=raw}; a null raw value removes it.
     *
     * @throws SettingsException for a malformed id, an unknown key or a value that does not parse
     */
    void set(String fullKey, String raw) {
        String rest = fullKey.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        String id = rest.substring(0, dot);
        SocialKey key = SocialKey.of(rest.substring(dot + 1));
        if (key == null) {
            throw new SettingsException("unknown setting '" + fullKey + "' (a provider's keys are "
                    + keyNames() + ")");
        }
        if (!SocialKey.PROVIDER_ID.matcher(id).matches()) {
            throw new SettingsException("setting '" + fullKey + "': '" + id + "' is not a provider id (lower-case "
                    + "letters and digits, starting with a letter)");
        }
        if (raw == null) {
            values.getOrDefault(id, new EnumMap<>(SocialKey.class)).remove(key);
            return;
        }
        String checked;
        try {
            checked = key.check(raw);
        } catch (IllegalArgumentException e) {
            String shown = key.secret() ? "(secret value)" : "'" + raw + "'";
            throw new SettingsException("setting '" + fullKey + "': " + shown + " is not valid: " + e.getMessage());
        }
        values.computeIfAbsent(id, ignored -> new EnumMap<>(SocialKey.class)).put(key, checked);
    }

    /**
     * The providers {@code ids} names, in that order, each checked as a whole.
     *
     * @throws SettingsException naming the provider and what is missing or misplaced
     */
    List<SocialApp> build(List<String> ids) {
        for (Map.Entry<String, Map<SocialKey, String>> entry : values.entrySet()) {
            if (!entry.getValue().isEmpty() && !ids.contains(entry.getKey())) {
                throw new SettingsException("settings 'social." + entry.getKey() + ".*' are given, but '"
                        + entry.getKey() + "' is not listed in social_providers");
            }
        }
        List<SocialApp> apps = new ArrayList<>();
        for (String id : ids) {
            apps.add(build(id, values.getOrDefault(id, Map.of())));
        }
        return List.copyOf(apps);
    }

    private static SocialApp build(String id, Map<SocialKey, String> keys) {
        String named = keys.get(SocialKey.TYPE);
        ProviderType type = named != null ? ProviderType.valueOf(named.toUpperCase(Locale.ROOT))
                : ProviderType.impliedBy(id);
        for (SocialKey key : keys.keySet()) {
            if (!key.appliesTo(type)) {
                throw new SettingsException("setting 'social." + id + "." + key.key() + "' does not apply to a "
                        + type.settingName() + " provider");
            }
        }
        require(id, keys, SocialKey.CLIENT_ID);
        if (type == ProviderType.FACEBOOK || type == ProviderType.GITHUB) {
            // Facebook signs every Graph call with it (appsecret_proof); GitHub needs it for every code exchange.
            require(id, keys, SocialKey.SECRET);
        }
        if (type == ProviderType.OIDC) {
            require(id, keys, SocialKey.ISSUER);
        }
        String issuer = type == ProviderType.GOOGLE
                ? keys.getOrDefault(SocialKey.ISSUER, DEFAULT_GOOGLE_ISSUER) : keys.get(SocialKey.ISSUER);
        URI discovery = issuer == null ? null : URI.create(keys.getOrDefault(SocialKey.DISCOVERY_URL,
                stripSlash(issuer) + DISCOVERY_PATH));
        boolean facebook = type == ProviderType.FACEBOOK;
        boolean github = type == ProviderType.GITHUB;
        return new SocialApp(id, type, keys.get(SocialKey.CLIENT_ID), keys.get(SocialKey.SECRET),
                SocialKey.callbackUrls(keys.get(SocialKey.CALLBACK_URL)), issuer, discovery,
                facebook ? uri(keys, SocialKey.GRAPH_URL, DEFAULT_GRAPH_URL) : null,
                facebook ? keys.getOrDefault(SocialKey.GRAPH_VERSION, DEFAULT_GRAPH_VERSION) : null,
                github ? uri(keys, SocialKey.API_URL, DEFAULT_GITHUB_API_URL) : null,
                github ? uri(keys, SocialKey.OAUTH_URL, DEFAULT_GITHUB_OAUTH_URL) : null);
    }

    private static void require(String id, Map<SocialKey, String> keys, SocialKey key) {
        if (!keys.containsKey(key)) {
            throw new SettingsException("social provider '" + id + "' needs 'social." + id + "." + key.key() + "'");
        }
    }

    private static URI uri(Map<SocialKey, String> keys, SocialKey key, URI fallback) {
        String value = keys.get(key);
        return value == null ? fallback : URI.create(value);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String keyNames() {
        StringJoiner names = new StringJoiner(", ");
        for (SocialKey key : SocialKey.values()) {
            names.add(key.key());
        }
        return names.toString();
    }

    /** {@code social.<id>.<key>=value} lines for printing, the secret masked. */
    void describe(StringJoiner out) {
        values.forEach((id, keys) -> keys.forEach((key, value) ->
                out.add(PREFIX + id + "." + key.key() + "=" + (key.secret() ? "********" : value))));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SocialApps && ((SocialApps) other).values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }
}
