package dev.restauth.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;

import dev.restauth.config.Settings;
import dev.restauth.config.SettingsException;
import dev.restauth.password.PasswordValidators;
import dev.restauth.user.User;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

class SerializerRegistryTest {
    private static final SerializerContext CONTEXT = new SerializerContext(Settings.defaults(),
            PasswordValidators.standard(8), null, new NoUsers(), null);

    /** A database with no users in it. */
    private static final class NoUsers implements SerializerContext.UserQueries {
        @Override
        public boolean usernameTaken(String username, long exceptUserId) {
            return false;
        }

        @Override
        public boolean emailTaken(String email) {
            return false;
        }
    }

    @TempDir
    Path dir;

    @Test
    void theBundledFileRegistersTheDefaultSerializers() {
        SerializerRegistry registry = SerializerRegistry.load(null, CONTEXT);
        assertInstanceOf(DefaultLoginSerializer.class,
                registry.get(SerializerKey.LOGIN_SERIALIZER));
        assertInstanceOf(DefaultUserDetailsSerializer.class,
                registry.get(SerializerKey.USER_DETAILS_SERIALIZER));
    }

    @Test
    void aUserFileReplacesOneEntryAndKeepsTheOthers() throws Exception {
        Path file = dir.resolve("serializers.properties");
        Files.writeString(file, "TOKEN_SERIALIZER=" + ShoutingTokenSerializer.class.getName() + "\n");
        SerializerRegistry registry = SerializerRegistry.load(file, CONTEXT);
        assertInstanceOf(ShoutingTokenSerializer.class,
                registry.get(SerializerKey.TOKEN_SERIALIZER));
        assertInstanceOf(DefaultLoginSerializer.class,
                registry.get(SerializerKey.LOGIN_SERIALIZER));
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        Properties entries = defaults();
        entries.setProperty("LOGIN_SERIALISER", DefaultLoginSerializer.class.getName());
        SettingsException e = assertThrows(SettingsException.class, () -> SerializerRegistry.build(entries, CONTEXT));
        assertEquals("serializer registry: unknown key 'LOGIN_SERIALISER'; known keys are [LOGIN_SERIALIZER, "
                + "TOKEN_SERIALIZER, USER_DETAILS_SERIALIZER, PASSWORD_CHANGE_SERIALIZER, PASSWORD_RESET_SERIALIZER, "
                + "PASSWORD_RESET_CONFIRM_SERIALIZER, REGISTER_SERIALIZER, SOCIAL_LOGIN_SERIALIZER, "
                + "SOCIAL_CONNECT_SERIALIZER, SOCIAL_ACCOUNT_SERIALIZER, JWT_SERIALIZER, JWT_SERIALIZER_WITH_EXPIRATION, "
                + "TOKEN_REFRESH_SERIALIZER, TOKEN_VERIFY_SERIALIZER, MFA_VERIFY_SERIALIZER, "
                + "MFA_TOTP_ACTIVATE_CONFIRM_SERIALIZER, MFA_TOTP_DEACTIVATE_SERIALIZER, "
                + "PASSKEY_REGISTER_COMPLETE_SERIALIZER, PASSKEY_LOGIN_BEGIN_SERIALIZER, "
                + "PASSKEY_LOGIN_COMPLETE_SERIALIZER, PASSKEY_LIST_SERIALIZER, PASSKEY_UPDATE_SERIALIZER, "
                + "PASSKEY_REMOVE_SERIALIZER]", e.getMessage());
    }

    @Test
    void aMissingClassIsRefusedNamingKeyAndClass() {
        Properties entries = defaults();
        entries.setProperty("LOGIN_SERIALIZER", "com.example.Nope");
        SettingsException e = assertThrows(SettingsException.class, () -> SerializerRegistry.build(entries, CONTEXT));
        assertEquals("serializer registry: LOGIN_SERIALIZER=com.example.Nope: class not found", e.getMessage());
    }

    @Test
    void aClassOfTheWrongTypeIsRefusedNamingTheExpectedInterface() {
        Properties entries = defaults();
        entries.setProperty("LOGIN_SERIALIZER", DefaultTokenSerializer.class.getName());
        SettingsException e = assertThrows(SettingsException.class, () -> SerializerRegistry.build(entries, CONTEXT));
        assertEquals("serializer registry: LOGIN_SERIALIZER=dev.restauth.serializer.DefaultTokenSerializer: "
                + "does not implement dev.restauth.serializer.LoginSerializer", e.getMessage());
    }

    @Test
    void aClassWithoutAUsableConstructorIsRefused() {
        Properties entries = defaults();
        entries.setProperty("TOKEN_SERIALIZER", NeedsAString.class.getName());
        SettingsException e = assertThrows(SettingsException.class, () -> SerializerRegistry.build(entries, CONTEXT));
        assertEquals("serializer registry: TOKEN_SERIALIZER=" + NeedsAString.class.getName()
                + ": needs a public constructor taking SerializerContext, or no arguments", e.getMessage());
    }

    @Test
    void aMissingEntryIsRefused() {
        Properties entries = defaults();
        entries.remove("PASSWORD_CHANGE_SERIALIZER");
        SettingsException e = assertThrows(SettingsException.class, () -> SerializerRegistry.build(entries, CONTEXT));
        assertEquals("serializer registry: no class for PASSWORD_CHANGE_SERIALIZER", e.getMessage());
    }

    /** The bundled entries, as a user would start from them. */
    private static Properties defaults() {
        Properties entries = new Properties();
        try (var in = SerializerRegistry.class.getResourceAsStream("serializers.properties")) {
            entries.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return entries;
    }

    /** A token serializer of a user's own. */
    public static final class ShoutingTokenSerializer implements TokenSerializer {
        @Override
        public JsonObject render(String key, User user) {
            JsonObject body = new JsonObject();
            body.addProperty("KEY", key);
            return body;
        }
    }

    /** No constructor the registry can call. */
    public static final class NeedsAString implements TokenSerializer {
        public NeedsAString(String unused) {
        }

        @Override
        public JsonObject render(String key, User user) {
            return new JsonObject();
        }
    }
}
