package dev.restauth.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user table of a real Django 3.2 site, in {@code src/test/resources/django/} (its README says how it was made):
 * each user's stored password hash, read from the SQLite database through JDBC, beside the plain password and hasher
 * name from {@code users.json}.
 */
public final class DjangoFixture {
    private static final String FOLDER = "/django/";

    /**
     * One row of {@code auth_user} with what {@code users.json} says of it.
     *
     * @param password the plain password, or null for a user with an unusable one
     * @param hasher   the Django hasher's algorithm name, or null for an unusable password
     * @param encoded  the {@code password} column as Django wrote it
     */
    public record User(long pk, String username, String password, String hasher, String encoded) {
        @Override
        public String toString() {
            // Names the parameterized test cases; never prints a password or a hash.
            return username + " (" + (hasher == null ? "unusable" : hasher) + ")";
        }
    }

    private DjangoFixture() {
    }

    /** Every user, in primary-key order. */
    public static List<User> users() {
        Map<Long, String> encoded = storedHashes();
        List<User> users = new ArrayList<>();
        for (JsonElement element : usersJson()) {
            JsonObject user = element.getAsJsonObject();
            long pk = user.get("pk").getAsLong();
            if (!encoded.containsKey(pk)) {
                throw new IllegalStateException("users.json names a user the database lacks: " + pk);
            }
            users.add(new User(pk, user.get("username").getAsString(), stringOrNull(user, "password"),
                    stringOrNull(user, "hasher"), encoded.get(pk)));
        }
        if (users.size() != encoded.size()) {
            throw new IllegalStateException("users.json and auth_user differ: " + users.size() + " and " + encoded.size());
        }
        return users;
    }

    /** The users with a usable password. */
    public static List<User> withPasswords() {
        return users().stream().filter(user -> user.password() != null).toList();
    }

    private static Map<Long, String> storedHashes() {
        Path copy = null;
        try (InputStream in = resource("django.sqlite3")) {
            copy = Files.createTempFile("restauth-django-", ".sqlite3");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, password FROM auth_user ORDER BY id")) {
                Map<Long, String> hashes = new HashMap<>();
                while (rows.next()) {
                    hashes.put(rows.getLong(1), rows.getString(2));
                }
                return hashes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Django fixture database", e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private static Iterable<JsonElement> usersJson() {
        try (InputStream in = resource("users.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DjangoFixture.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + FOLDER + name);
        }
        return in;
    }

    private static String stringOrNull(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover temporary file is not worth failing a test over.
            path.toFile().deleteOnExit();
        }
    }
}
