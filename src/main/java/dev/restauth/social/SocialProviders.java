package dev.restauth.social;

import dev.restauth.config.Settings;
import dev.restauth.config.SocialApp;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The social login providers restauth offers, by id, in the order configured: one {@link SocialProvider} per
 * {@link SocialApp} of the settings, plus any an embedding application adds. Immutable and thread-safe.
 */
public final class SocialProviders {
    private final Map<String, SocialProvider> byId;

    private SocialProviders(Map<String, SocialProvider> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * The providers of {@code social_providers}, then {@code extra} (which replace a configured one of the same id).
     *
     * @param http shared by every provider; null only when there is nothing to build
     */
    public static SocialProviders build(Settings settings, ProviderHttp http, List<SocialProvider> extra) {
        Duration deadline = Duration.ofSeconds(settings.get(Settings.SOCIAL_CONNECT_TIMEOUT)
                + settings.get(Settings.SOCIAL_READ_TIMEOUT));
        Map<String, SocialProvider> providers = new LinkedHashMap<>();
        for (SocialApp app : settings.socialApps()) {
            providers.put(app.id(), switch (app.type()) {
                case FACEBOOK -> new FacebookProvider(app, http);
                case GITHUB -> new GitHubProvider(app, http);
                case GOOGLE -> OidcProvider.google(app, http, deadline);
                case OIDC -> new OidcProvider(app, http, deadline, List.of());
            });
        }
        for (SocialProvider provider : extra) {
            providers.put(provider.id(), provider);
        }
        return new SocialProviders(providers);
    }

    /** The HTTP client the settings ask for, or null when no provider is configured (no client threads then). */
    public static ProviderHttp http(Settings settings) {
        if (settings.socialApps().isEmpty()) {
            return null;
        }
        return new ProviderHttp(Duration.ofSeconds(settings.get(Settings.SOCIAL_CONNECT_TIMEOUT)),
                Duration.ofSeconds(settings.get(Settings.SOCIAL_READ_TIMEOUT)));
    }

    public Optional<SocialProvider> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every provider, in configuration order. */
    public Collection<SocialProvider> all() {
        return byId.values();
    }
}
