package dev.restauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class SettingsTest {
    @Test
    void defaultsMatchDjRestAuthsReferenceConfiguration() {
        Settings settings = Settings.defaults();
        assertTrue(settings.get(Settings.SESSION_LOGIN));
        assertFalse(settings.get(Settings.OLD_PASSWORD_FIELD_ENABLED));
        assertFalse(settings.get(Settings.LOGOUT_ON_PASSWORD_CHANGE));
        assertEquals(AuthenticationMethod.USERNAME_EMAIL, settings.get(Settings.AUTHENTICATION_METHOD));
        assertEquals(EmailVerification.MANDATORY, settings.get(Settings.EMAIL_VERIFICATION));
        assertEquals(List.of("token", "session"), settings.get(Settings.AUTHENTICATION_CLASSES));
        assertEquals("/rest-auth", settings.get(Settings.MOUNT_PREFIX));
        assertEquals(8000, settings.get(Settings.PORT));
    }

    @Test
    void noSecretKeyIsShipped() {
        assertEquals(null, Settings.defaults().get(Settings.SECRET_KEY));
    }

    @Test
    void anUnknownKeyFailsNamingTheKey() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.builder().set("sesion_login", "true"));
        assertEquals("unknown setting 'sesion_login'", e.getMessage());
    }

    @Test
    void aKeyInAnotherSpellingSuggestsTheRightOne() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.builder().set("SESSION_LOGIN", "true"));
        assertEquals("unknown setting 'SESSION_LOGIN' (did you mean 'session_login'?)", e.getMessage());
    }

    @Test
    void aValueThatDoesNotParseFailsNamingKeyAndValue() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.builder().set("port", "eighty"));
        assertEquals("setting 'port': 'eighty' is not valid: expected a whole number", e.getMessage());
        SettingsException range = assertThrows(SettingsException.class,
                () -> Settings.builder().set("port", "70000"));
        assertEquals("setting 'port': '70000' is not valid: expected a number from 0 to 65535", range.getMessage());
        SettingsException choice = assertThrows(SettingsException.class,
                () -> Settings.builder().set("email_verification", "sometimes"));
        assertEquals("setting 'email_verification': 'sometimes' is not valid: expected one of none, optional, "
                + "mandatory", choice.getMessage());
    }

    @Test
    void secretsAreMaskedWhenSettingsArePrinted() {
        Settings settings = Settings.builder().set("secret_key", "a-very-secret-key-of-more-than-32-chars")
                .set("database_password", "hunter2").build();
        String printed = settings.toString();
        assertFalse(printed.contains("a-very-secret-key"), printed);
        assertFalse(printed.contains("hunter2"), printed);
        assertTrue(printed.contains("secret_key=********"), printed);
    }

    @Test
    void booleansAcceptTheUsualSpellings() {
        for (String yes : List.of("true", "TRUE", "yes", "on", "1")) {
            assertTrue(Settings.builder().set("session_login", yes).build().get(Settings.SESSION_LOGIN), yes);
        }
        for (String no : List.of("false", "No", "off", "0")) {
            assertFalse(Settings.builder().set("session_login", no).build().get(Settings.SESSION_LOGIN), no);
        }
    }

    @Test
    void authenticationClassesRejectUnknownOrRepeatedNames() {
        assertEquals(List.of("session", "token"), Settings.builder().set("authentication_classes", "session, token")
                .build().get(Settings.AUTHENTICATION_CLASSES));
        assertThrows(SettingsException.class, () -> Settings.builder().set("authentication_classes", "token,oauth"));
        assertThrows(SettingsException.class, () -> Settings.builder().set("authentication_classes", "token,token"));
    }

    @Test
    void theMountPrefixIsNormalisedAndChecked() {
        assertEquals("/api/auth", Settings.builder().set("mount_prefix", "/api/auth/").build()
                .get(Settings.MOUNT_PREFIX));
        assertEquals("", Settings.builder().set("mount_prefix", "/").build().get(Settings.MOUNT_PREFIX));
        assertThrows(SettingsException.class, () -> Settings.builder().set("mount_prefix", "api"));
    }

    @Test
    void withReplacesValuesAndKeepsTheRest() {
        Settings base = Settings.builder().set("port", "9000").build();
        Settings changed = base.with(Map.of("session_login", "false"));
        assertEquals(9000, changed.get(Settings.PORT));
        assertFalse(changed.get(Settings.SESSION_LOGIN));
        assertTrue(base.get(Settings.SESSION_LOGIN));
    }

    @Test
    void aResetLinkTemplateNeedsItsPlaceholdersAndAnOrigin() {
        assertEquals("https://app.example.com/r?u={uid}&t={token}", Settings.builder()
                .set("password_reset_url", "https://app.example.com/r?u={uid}&t={token}").build()
                .get(Settings.PASSWORD_RESET_URL));
        SettingsException missing = assertThrows(SettingsException.class,
                () -> Settings.builder().set("password_reset_url", "/reset/{uid}/"));
        assertEquals("setting 'password_reset_url': '/reset/{uid}/' is not valid: must contain {uid} and {token}",
                missing.getMessage());
        assertThrows(SettingsException.class,
                () -> Settings.builder().set("password_reset_url", "reset/{uid}/{token}"));
        assertThrows(SettingsException.class,
                () -> Settings.builder().set("password_reset_url", "ftp://x/{uid}/{token}"));
    }

    @Test
    void allowedHostsAreLowerCasedAndMustBeHostNames() {
        assertEquals(List.of(".example.com", "localhost"), Settings.builder()
                .set("allowed_hosts", ".Example.COM, localhost").build().get(Settings.ALLOWED_HOSTS));
        assertThrows(SettingsException.class, () -> Settings.builder().set("allowed_hosts", "http://example.com"));
    }

    @Test
    void mailDefaultsAreDjangosAndTheConsole() {
        Settings settings = Settings.defaults();
        assertEquals(EmailBackend.CONSOLE, settings.get(Settings.EMAIL_BACKEND));
        assertEquals("webmaster@localhost", settings.get(Settings.DEFAULT_FROM_EMAIL));
        assertEquals("example.com", settings.get(Settings.SITE_NAME));
        assertEquals(259_200, settings.get(Settings.PASSWORD_RESET_TIMEOUT));
        assertEquals(List.of("localhost", "127.0.0.1", "[::1]"), settings.get(Settings.ALLOWED_HOSTS));
        assertFalse(settings.get(Settings.LOGOUT_ON_PASSWORD_RESET));
        assertTrue(Settings.builder().set("email_host_password", "hunter2").build().toString()
                .contains("email_host_password=********"));
    }

    @Test
    void theReadmeDocumentsEverySettingWithItsDjangoName() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting<?> setting : Settings.all()) {
            assertTrue(readme.contains("| `" + setting.key() + "` |"), "README.md has no row for " + setting.key());
            assertTrue(readme.contains(setting.djangoName()), "README.md lacks the Django name of " + setting.key());
        }
    }
}
