package dev.restauth.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds {@link Settings} from, in rising precedence: built-in defaults, a properties file, system properties
 * ({@code restauth.<key>}) and environment variables ({@code RESTAUTH_<KEY>}).
 *
 * <p>The properties file is named by the caller (a {@code --config} flag or a servlet context parameter), else by
 * the system property {@code restauth.config}, else by {@code RESTAUTH_CONFIG}; without one, only the other
 * sources count. A key no setting has fails the load, whichever source it came from, so a typo never goes
 * unnoticed. A social provider's {@code social.<id>.<key>} is {@code restauth.social.<id>.<key>} as a system property
 * and {@code RESTAUTH_SOCIAL_<ID>_<KEY>} in the environment.
 */
public final class SettingsLoader {
    /** The system property naming the properties file. */
    public static final String CONFIG_PROPERTY = "restauth.config";
    /** The environment variable naming the properties file. */
    public static final String CONFIG_VARIABLE = "RESTAUTH_CONFIG";

    private SettingsLoader() {
    }

    /** Loads from this process's system properties and environment. */
    public static Settings load(Path configFile) {
        return load(configFile, asMap(System.getProperties()), System.getenv());
    }

    /**
     * Loads from the given sources (tests pass their own maps).
     *
     * @param configFile properties file to read; null to look it up in the system properties, then the environment
     * @throws SettingsException when a file is missing or unreadable, a key is unknown or a value does not parse
     */
    public static Settings load(Path configFile, Map<String, String> systemProperties, Map<String, String> env) {
        Settings.Builder builder = Settings.builder();
        Path file = configFile != null ? configFile : configFileFrom(systemProperties, env);
        if (file != null) {
            readFile(file).forEach((key, value) -> setFrom(builder, key, value, "in " + file));
        }
        new TreeMap<>(systemProperties).forEach((name, value) -> {
            if (name.startsWith("restauth.") && !name.equals(CONFIG_PROPERTY)) {
                setFrom(builder, name.substring("restauth.".length()), value, "system property " + name);
            }
        });
        new TreeMap<>(env).forEach((name, value) -> {
            if (name.startsWith("RESTAUTH_") && !name.equals(CONFIG_VARIABLE)) {
                setFrom(builder, Settings.keyOfEnvironmentName(
                        name.substring("RESTAUTH_".length()).toLowerCase(Locale.ROOT)), value,
                        "environment variable " + name);
            }
        });
        return builder.build();
    }

    private static Path configFileFrom(Map<String, String> systemProperties, Map<String, String> env) {
        String named = systemProperties.get(CONFIG_PROPERTY);
        if (named == null || named.isBlank()) {
            named = env.get(CONFIG_VARIABLE);
        }
        return named == null || named.isBlank() ? null : Path.of(named);
    }

    private static void setFrom(Settings.Builder builder, String key, String value, String source) {
        try {
            builder.set(key, value);
        } catch (SettingsException e) {
            throw new SettingsException(e.getMessage() + " (" + source + ")");
        }
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + ": " + e.getMessage());
        }
        return asMap(properties);
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
