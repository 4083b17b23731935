package dev.restauth.serializer;

import dev.restauth.config.SettingsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * The serializers restauth's endpoints use, by key: {@code serializers.properties} (bundled) maps each
 * {@link SerializerKey} to a class, and a user's own file may replace any entry. Every class is loaded with the
 * context class loader, checked against its key's interface and instantiated when the registry is built, so a
 * mistake stops the server at start with a message naming the key, the class and what was expected. Immutable
 * afterwards and thread-safe (so must the serializers be).
 */
public final class SerializerRegistry {
    private static final String DEFAULTS = "serializers.properties";

    private final Map<SerializerKey<?>, Object> serializers;

    private SerializerRegistry(Map<SerializerKey<?>, Object> serializers) {
        this.serializers = Collections.unmodifiableMap(serializers);
    }

    /**
     * Builds the registry from the bundled defaults, overridden by {@code overrides} (a properties file; may be null).
     *
     * @throws SettingsException for an unknown key, a missing entry, or a class that cannot be used
     */
    public static SerializerRegistry load(Path overrides, SerializerContext context) {
        Properties entries = bundled();
        if (overrides != null) {
            Properties user = read(overrides);
            for (String key : user.stringPropertyNames()) {
                entries.setProperty(key, user.getProperty(key));
            }
        }
        return build(entries, context);
    }

    /** Builds the registry from explicit entries (every key must be present). */
    public static SerializerRegistry build(Properties entries, SerializerContext context) {
        for (String key : entries.stringPropertyNames()) {
            if (!isKey(key)) {
                StringJoiner known = new StringJoiner(", ", "[", "]");
                SerializerKey.all().forEach(k -> known.add(k.name()));
                throw new SettingsException("serializer registry: unknown key '" + key + "'; known keys are " + known);
            }
        }
        Map<SerializerKey<?>, Object> serializers = new LinkedHashMap<>();
        for (SerializerKey<?> key : SerializerKey.all()) {
            String className = entries.getProperty(key.name());
            if (className == null || className.isBlank()) {
                throw new SettingsException("serializer registry: no class for " + key);
            }
            serializers.put(key, instantiate(key, className.strip(), context));
        }
        return new SerializerRegistry(serializers);
    }

    /** The serializer registered under {@code key}. */
    public <T> T get(SerializerKey<T> key) {
        return key.type().cast(serializers.get(key));
    }

    private static Object instantiate(SerializerKey<?> key, String className, SerializerContext context) {
        String what = "serializer registry: " + key + "=" + className + ": ";
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(className, true, loader != null ? loader : SerializerRegistry.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SettingsException(what + "class not found");
        }
        if (!key.type().isAssignableFrom(type)) {
            throw new SettingsException(what + "does not implement " + key.type().getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new SettingsException(what + "is abstract; name a concrete class");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new SettingsException(what + "must be a public class");
        }
        try {
            Constructor<?> withContext = constructor(type, SerializerContext.class);
            if (withContext != null) {
                return withContext.newInstance(context);
            }
            Constructor<?> noArgs = constructor(type);
            if (noArgs != null) {
                return noArgs.newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new SettingsException(what + "constructor failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SettingsException(what + "cannot be instantiated: " + e);
        }
        throw new SettingsException(what + "needs a public constructor taking SerializerContext, or no arguments");
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean isKey(String name) {
        for (SerializerKey<?> key : SerializerKey.all()) {
            if (key.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Properties bundled() {
        Properties entries = new Properties();
        try (InputStream in = SerializerRegistry.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing beside " + SerializerRegistry.class.getName());
            }
            entries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
        return entries;
    }

    private static Properties read(Path file) {
        Properties entries = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            entries.load(reader);
        } catch (IOException e) {
            throw new SettingsException("cannot read serializers file " + file + ": " + e.getMessage());
        }
        return entries;
    }
}
