package dev.restauth.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

class SecretKeyTest {
    @TempDir
    Path dir;

    @Test
    void productionModeRefusesToStartWithoutAKey() {
        Settings settings = Settings.builder().set("mode", "production").set("data_dir", dir.toString()).build();
        SettingsException e = assertThrows(SettingsException.class, () -> SecretKey.resolve(settings));
        assertTrue(e.getMessage().startsWith("secret_key is required in production mode"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("secret.key")));
    }

    @Test
    void devModeGeneratesAKeyOnceAndKeepsItPrivate() throws Exception {
        Settings settings = Settings.builder().set("data_dir", dir.toString()).build();
        SecretKey first = SecretKey.resolve(settings);
        SecretKey second = SecretKey.resolve(settings);
        assertArrayEquals(first.bytes(), second.bytes());
        assertTrue(first.bytes().length >= SecretKey.MIN_LENGTH);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("secret.key"))));
    }

    @Test
    void anExplicitKeyWinsAndIsUsedAsUtf8Bytes() {
        String key = "an-explicit-key-that-is-long-enough-ü";
        Settings settings = Settings.builder().set("mode", "production").set("secret_key", key).build();
        assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), SecretKey.resolve(settings).bytes());
    }

    @Test
    void aShortKeyIsRefused() {
        Settings settings = Settings.builder().set("secret_key", "short").build();
        assertThrows(SettingsException.class, () -> SecretKey.resolve(settings));
    }

    @Test
    void theKeyNeverPrints() {
        assertEquals("SecretKey(********)", SecretKey.of("x".repeat(40)).toString());
    }
}
