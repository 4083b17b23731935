package dev.restauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void eachSourceOverridesTheOneBefore() throws Exception {
        Path file = dir.resolve("restauth.properties");
        Files.writeString(file, "port=8100\nhost=0.0.0.0\nsession_login=false\n");
        Settings settings = SettingsLoader.load(file,
                Map.of("restauth.port", "8200", "restauth.host", "10.0.0.1"),
                Map.of("RESTAUTH_PORT", "8300"));
        assertEquals(8300, settings.get(Settings.PORT));
        assertEquals("10.0.0.1", settings.get(Settings.HOST));
        assertEquals(false, settings.get(Settings.SESSION_LOGIN));
        assertEquals("/rest-auth", settings.get(Settings.MOUNT_PREFIX));
    }

    @Test
    void theFileCanBeNamedByASystemPropertyOrTheEnvironment() throws Exception {
        Path file = dir.resolve("a.properties");
        Files.writeString(file, "port=8101\n");
        assertEquals(8101, SettingsLoader.load(null, Map.of("restauth.config", file.toString()), Map.of())
                .get(Settings.PORT));
        assertEquals(8101, SettingsLoader.load(null, Map.of(), Map.of("RESTAUTH_CONFIG", file.toString()))
                .get(Settings.PORT));
    }

    @Test
    void anUnknownKeyInAnySourceFailsNamingTheKeyAndTheSource() throws Exception {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "sesion_login=false\n");
        SettingsException inFile = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(file, Map.of(), Map.of()));
        assertEquals("unknown setting 'sesion_login' (in " + file + ")", inFile.getMessage());
        SettingsException inEnv = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(null, Map.of(), Map.of("RESTAUTH_SESION_LOGIN", "1")));
        assertEquals("unknown setting 'sesion_login' (environment variable RESTAUTH_SESION_LOGIN)",
                inEnv.getMessage());
        SettingsException inProperty = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(null, Map.of("restauth.prot", "1"), Map.of()));
        assertTrue(inProperty.getMessage().contains("system property restauth.prot"));
    }

    @Test
    void unrelatedSystemPropertiesAndVariablesAreIgnored() {
        Settings settings = SettingsLoader.load(null, Map.of("java.version", "17", "user.home", "/root"),
                Map.of("PATH", "/usr/bin", "HOME", "/root"));
        assertEquals(Settings.defaults(), settings);
    }

    @Test
    void aMissingFileFailsClearly() {
        Path missing = dir.resolve("nope.properties");
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(missing, Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("cannot read settings file " + missing), e.getMessage());
    }
}
