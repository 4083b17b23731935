package dev.restauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The social providers' settings: {@code social_providers} and {@code social.<id>.<key>}, from every source. */
class SocialSettingsTest {
    @TempDir
    Path dir;

    @Test
    void noProviderIsConfiguredByDefault() {
        assertEquals(List.of(), Settings.defaults().socialApps());
        assertFalse(Settings.defaults().get(Settings.SOCIAL_CONNECT_BY_VERIFIED_EMAIL));
    }

    @Test
    void providersComeFromAPropertiesFileWithTheirDefaults() throws Exception {
        Path file = dir.resolve("restauth.properties");
        Files.writeString(file, String.join("\n",
                "social_providers=facebook, google, github, keycloak",
                "social.facebook.client_id=508",
                "social.facebook.secret=fb-secret",
                "social.google.client_id=g.apps.googleusercontent.com",
                "social.github.client_id=Iv1.abc",
                "social.github.secret=gh-secret",
                "social.keycloak.client_id=restauth",
                "social.keycloak.issuer=https://sso.example.com/realms/main",
                "social.keycloak.callback_url=https://app.example.com/cb, com.example.app:/oauth"));
        List<SocialApp> apps = SettingsLoader.load(file, Map.of(), Map.of()).socialApps();
        assertEquals(List.of("facebook", "google", "github", "keycloak"), apps.stream().map(SocialApp::id).toList());

        SocialApp facebook = apps.get(0);
        assertEquals(ProviderType.FACEBOOK, facebook.type());
        assertEquals(URI.create("https://graph.facebook.com"), facebook.graphUrl());
        assertEquals("v25.0", facebook.graphVersion());
        assertEquals(List.of(), facebook.callbackUrls());

        SocialApp google = apps.get(1);
        assertEquals(ProviderType.GOOGLE, google.type());
        assertEquals("https://accounts.google.com", google.issuer());
        assertEquals(URI.create("https://accounts.google.com/.well-known/openid-configuration"),
                google.discoveryUrl());
        assertNull(google.secret());

        SocialApp github = apps.get(2);
        assertEquals(URI.create("https://api.github.com"), github.apiUrl());
        assertEquals(URI.create("https://github.com/login/oauth"), github.oauthUrl());

        SocialApp keycloak = apps.get(3);
        assertEquals(ProviderType.OIDC, keycloak.type());
        assertEquals(URI.create("https://sso.example.com/realms/main/.well-known/openid-configuration"),
                keycloak.discoveryUrl());
        assertEquals(List.of(URI.create("https://app.example.com/cb"), URI.create("com.example.app:/oauth")),
                keycloak.callbackUrls());
    }

    @Test
    void environmentVariablesAndSystemPropertiesSetAProvidersKeys() {
        Settings settings = SettingsLoader.load(null,
                Map.of("restauth.social.keycloak.issuer", "https://sso.example.com/realms/main"),
                Map.of("RESTAUTH_SOCIAL_PROVIDERS", "keycloak",
                        "RESTAUTH_SOCIAL_KEYCLOAK_CLIENT_ID", "restauth",
                        "RESTAUTH_SOCIAL_KEYCLOAK_SECRET", "kc-secret",
                        "RESTAUTH_SOCIAL_READ_TIMEOUT", "3"));
        SocialApp keycloak = settings.socialApps().get(0);
        assertEquals("restauth", keycloak.clientId());
        assertEquals("kc-secret", keycloak.secret());
        assertEquals("https://sso.example.com/realms/main", keycloak.issuer());
        assertEquals(3, settings.get(Settings.SOCIAL_READ_TIMEOUT));
    }

    @Test
    void anUnknownKeyOfAProviderFailsNamingIt() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.builder().set("social.keycloak.clent_id", "x"));
        assertTrue(e.getMessage().startsWith("unknown setting 'social.keycloak.clent_id' (a provider's keys are "
                + "type, client_id, secret, callback_url"), e.getMessage());
        SettingsException inEnv = assertThrows(SettingsException.class, () -> SettingsLoader.load(null, Map.of(),
                Map.of("RESTAUTH_SOCIAL_KEYCLOAK_CLENT_ID", "x")));
        assertEquals("unknown setting 'social_keycloak_clent_id' (environment variable "
                + "RESTAUTH_SOCIAL_KEYCLOAK_CLENT_ID)", inEnv.getMessage());
    }

    @Test
    void aProviderMissingWhatItsTypeNeedsFailsAtBuild() {
        assertEquals("social provider 'facebook' needs 'social.facebook.client_id'", assertThrows(
                SettingsException.class, () -> Settings.builder().set("social_providers", "facebook").build())
                .getMessage());
        assertEquals("social provider 'github' needs 'social.github.secret'", assertThrows(SettingsException.class,
                () -> Settings.builder().set("social_providers", "github").set("social.github.client_id", "x")
                        .build()).getMessage());
        assertEquals("social provider 'okta' needs 'social.okta.issuer'", assertThrows(SettingsException.class,
                () -> Settings.builder().set("social_providers", "okta").set("social.okta.client_id", "x").build())
                .getMessage());
    }

    @Test
    void keysOfAProviderNobodyListedOrThatItsTypeDoesNotUseFail() {
        assertEquals("settings 'social.gogle.*' are given, but 'gogle' is not listed in social_providers",
                assertThrows(SettingsException.class, () -> Settings.builder()
                        .set("social.gogle.client_id", "x").build()).getMessage());
        assertEquals("setting 'social.google.graph_url' does not apply to a google provider",
                assertThrows(SettingsException.class, () -> Settings.builder().set("social_providers", "google")
                        .set("social.google.client_id", "x").set("social.google.graph_url", "https://g.example")
                        .build()).getMessage());
    }

    @Test
    void valuesAreCheckedWhenSet() {
        assertThrows(SettingsException.class, () -> Settings.builder().set("social_providers", "Face-Book"));
        assertThrows(SettingsException.class, () -> Settings.builder().set("social_providers", "google,google"));
        assertThrows(SettingsException.class, () -> Settings.builder().set("social.Google.client_id", "x"));
        assertThrows(SettingsException.class, () -> Settings.builder().set("social.x.issuer", "not a url"));
        assertThrows(SettingsException.class, () -> Settings.builder().set("social.x.graph_url", "ftp://x"));
        assertThrows(SettingsException.class, () -> Settings.builder().set("social.x.graph_version", "13"));
        assertThrows(SettingsException.class, () -> Settings.builder().set("social.x.type", "myspace"));
        assertThrows(SettingsException.class, () -> Settings.builder().set("social.x.callback_url", "/relative"));
        SettingsException secret = assertThrows(SettingsException.class,
                () -> Settings.builder().set("social.x.secret", " "));
        assertFalse(secret.getMessage().contains("' '"), secret.getMessage());
    }

    @Test
    void anyIdCanBeAGitHubOrFacebookAppByItsType() {
        SocialApp enterprise = Settings.builder().set("social_providers", "ghe")
                .set("social.ghe.type", "github").set("social.ghe.client_id", "x").set("social.ghe.secret", "y")
                .set("social.ghe.api_url", "https://ghe.example.com/api/v3/")
                .set("social.ghe.oauth_url", "https://ghe.example.com/login/oauth").build().socialApps().get(0);
        assertEquals(ProviderType.GITHUB, enterprise.type());
        assertEquals(URI.create("https://ghe.example.com/api/v3"), enterprise.apiUrl());
    }

    @Test
    void secretsAreMaskedWhenSettingsOrAppsArePrinted() {
        Settings settings = Settings.builder().set("social_providers", "github")
                .set("social.github.client_id", "Iv1.public").set("social.github.secret", "hunter2-github").build();
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
        assertTrue(settings.toString().contains("social.github.secret=********"), settings.toString());
        assertTrue(settings.toString().contains("social.github.client_id=Iv1.public"), settings.toString());
        assertFalse(settings.socialApps().get(0).toString().contains("hunter2"));
    }

    @Test
    void withKeepsTheProviders() {
        Settings base = Settings.builder().set("social_providers", "google").set("social.google.client_id", "g")
                .build();
        Settings changed = base.with(Map.of("session_login", "false"));
        assertEquals(base.socialApps(), changed.socialApps());
        assertEquals(base, base.with(Map.of()));
    }

    @Test
    void theReadmeDocumentsEveryProviderKey() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (SocialKey key : SocialKey.values()) {
            assertTrue(readme.contains("| `social.<id>." + key.key() + "` |"), "README.md has no row for " + key);
            assertTrue(readme.contains(key.djangoName()), "README.md lacks the Django name of " + key);
        }
    }
}
