package dev.restauth.bench;

import dev.restauth.auth.Keyring;
import dev.restauth.auth.Tokens;
import dev.restauth.auth.crypto.Argon2Hasher;
import dev.restauth.config.SecretKey;
import dev.restauth.config.Settings;
import dev.restauth.config.SettingsLoader;
import dev.restauth.db.Database;
import dev.restauth.db.Migrator;
import dev.restauth.user.Canonical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Builds the databases the bench serves, in the {@link Store} chosen: restauth's own migrations, then {@code n}
 * users inserted in JDBC batches, each with a confirmed primary address (as a registration leaves them), and a token
 * for every user made by restauth's own {@link Tokens}, so the token table grows with the user table and lookups in
 * it are measured at scale. The argon2 hash is made once, by restauth's hasher at the configured parameters, and
 * shared by every user: seeding a million users takes minutes, not the days a million hashes would.
 *
 * <p>Each database is built once (its sample and key in {@code target/bench/cache/users-<n>-v<version>/}, where a
 * {@code complete} marker tells a finished one from an interrupted one) and copied for every bench run (into
 * {@code target/bench/work/}), as logins and registrations write to it; servers that run side by side get a copy
 * each. Users, the sample and the secret key come from a fixed random seed and a key generated at seeding, kept
 * beside the database, so the tokens stay valid across runs.
 */
final class Seeder {
    /** Raise when what a seeded database holds changes: older caches are then rebuilt. */
    private static final int VERSION = 1;
    /** Users of each database that the load goes to, with their token keys. */
    static final int SAMPLE = 1_000;
    /** Letters and digits only: the bench embeds it in wrk's Lua scripts. */
    static final String PASSWORD = "Correct-Horse-Battery-42";
    private static final int BATCH = 10_000;
    private static final String INSERT_USER = "INSERT INTO restauth_user (username, username_key, email, email_key, "
            + "password, first_name, last_name, is_active, is_staff, is_superuser, date_joined) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, FALSE, ?)";
    private static final String INSERT_ADDRESSES = "INSERT INTO restauth_email_address "
            + "(user_id, email, email_key, unique_key, verified, is_primary) "
            + "SELECT id, email, email_key, email_key, TRUE, TRUE FROM restauth_user";
    private static final String PK_BY_USERNAME = "SELECT id FROM restauth_user WHERE username_key = ?";
    private static final String ALL_PKS = "SELECT id FROM restauth_user ORDER BY id";

    private final Path root;
    private final Store store;

    /** @param root {@code target/bench} */
    Seeder(Path root, Store store) {
        this.root = root;
        this.store = store;
    }

    /**
     * A fresh working copy of the database with {@code users} users, seeding it first if no cache has it. Servers
     * that run side by side each get their own copy (an H2 file serves one process at a time).
     *
     * @param copy names the copy: {@code target/bench/work/users-<n>-<copy>/}
     */
    Dataset prepare(int users, String copy) {
        String seeded = "users-" + users;
        Path cache = root.resolve("cache").resolve(seeded + "-v" + VERSION + store.suffix());
        if (!store.has(cache, seeded)) {
            seed(cache, seeded, users);
        }
        String name = seeded + "-" + copy;
        Path work = root.resolve("work").resolve(name + store.suffix());
        try {
            deleteTree(work);
            Files.createDirectories(work);
            store.copy(cache, seeded, work, name);
            Path tokens = Files.copy(cache.resolve("tokens.tsv"), work.resolve("tokens.tsv"));
            Path settings = writeSettings(work, name, Files.readString(cache.resolve("secret.key")).strip());
            List<Dataset.SampleUser> sample = new ArrayList<>();
            for (String line : Files.readAllLines(tokens)) {
                String[] fields = line.split("\t");
                sample.add(new Dataset.SampleUser(fields[0], Long.parseLong(fields[1]), fields[2]));
            }
            return new Dataset(users, settings, tokens, List.copyOf(sample), PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bench server's settings as restauth reads them from the file alone (no system properties, no variables). */
    static Settings settings(Path file) {
        return SettingsLoader.load(file, Map.of(), Map.of());
    }

    private void seed(Path cache, String name, int users) {
        long start = System.nanoTime();
        System.out.printf("seeding %,d users into %s (once; later runs copy it)%n", users, cache);
        try {
            deleteTree(cache);
            Files.createDirectories(cache);
            store.create(name);
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Settings settings = settings(writeSettings(cache, name, secret));
            try (Database database = Database.fromSettings(settings)) {
                new Migrator(database, Clock.systemUTC()).migrate();
            }
            String hash = new Argon2Hasher(settings.get(Settings.ARGON2_MEMORY_KIB),
                    settings.get(Settings.ARGON2_ITERATIONS), settings.get(Settings.ARGON2_PARALLELISM))
                    .encode(PASSWORD);
            String url = Database.jdbcUrl(settings);
            insertUsers(url, users, hash);
            List<Dataset.SampleUser> sample = issueTokens(settings, users);
            Files.write(cache.resolve("tokens.tsv"), sample.stream()
                    .map(u -> u.key() + "\t" + u.pk() + "\t" + u.username()).toList(), StandardCharsets.UTF_8);
            store.seeded(url);
            Files.writeString(cache.resolve("secret.key"), secret + "\n");
            Files.delete(cache.resolve("settings.properties")); // written again, with its path, for each copy
            Files.writeString(cache.resolve("complete"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed", e);
        }
        System.out.printf("seeded %,d users in %.0f s%n", users, (System.nanoTime() - start) / 1e9);
    }

    private static void insertUsers(String url, int users, String hash) throws SQLException {
        LocalDateTime joined = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_USER)) {
                for (int i = 1; i <= users; i++) {
                    String username = username(i);
                    String email = username + "@example.com";
                    insert.setString(1, username);
                    insert.setString(2, Canonical.key(username));
                    insert.setString(3, email);
                    insert.setString(4, Canonical.key(email));
                    insert.setString(5, hash);
                    insert.setString(6, "Ada");
                    insert.setString(7, "Lovelace");
                    insert.setObject(8, joined);
                    insert.addBatch();
                    if (i % BATCH == 0 || i == users) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(INSERT_ADDRESSES);
            }
            connection.commit();
        }
    }

    /**
     * A token for every user, through restauth's {@link Tokens} on all cores; returns the sample's, a fixed
     * random choice of {@link #SAMPLE} users.
     */
    private static List<Dataset.SampleUser> issueTokens(Settings settings, int users) throws SQLException {
        Random random = new Random(users);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(SAMPLE, users)) {
            chosen.add(1 + random.nextInt(users));
        }
        try (Database database = Database.fromSettings(settings)) {
            Tokens tokens = new Tokens(database, new Keyring(SecretKey.resolve(settings)),
                    Clock.systemUTC());
            List<Dataset.SampleUser> sample = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(Database.jdbcUrl(settings));
                 PreparedStatement byName = connection.prepareStatement(PK_BY_USERNAME);
                 Statement statement = connection.createStatement();
                 ResultSet all = statement.executeQuery(ALL_PKS)) {
                for (int i : chosen) {
                    byName.setString(1, Canonical.key(username(i)));
                    try (ResultSet row = byName.executeQuery()) {
                        row.next();
                        long pk = row.getLong(1);
                        sample.add(new Dataset.SampleUser(database.inTransaction(tx -> tokens.issue(tx, pk)), pk,
                                username(i)));
                    }
                }
                List<Long> pks = new ArrayList<>(users);
                while (all.next()) {
                    pks.add(all.getLong(1));
                }
                issueAll(database, tokens, pks);
            }
            return sample;
        }
    }

    /** Issues the remaining tokens in parallel: one stream of transactions per core, {@link #BATCH} users each. */
    private static void issueAll(Database database, Tokens tokens, List<Long> pks) {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int from = first * BATCH; from < pks.size(); from += threads * BATCH) {
                        List<Long> batch = pks.subList(from, Math.min(from + BATCH, pks.size()));
                        // the sample's: the key it has
                        database.useTransaction(tx -> batch.forEach(pk -> tokens.issue(tx, pk)));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("issuing tokens failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String username(int i) {
        return String.format("user%07d", i);
    }

    /** Settings for a server on database {@code name} in {@code dir}, written to {@code dir/settings.properties}. */
    private Path writeSettings(Path dir, String name, String secret) throws IOException {
        Path file = dir.resolve("settings.properties");
        List<String> lines = new ArrayList<>(List.of(
                "# Written by the bench for one server: a generated secret key, the bench's own database."));
        lines.addAll(store.settings(dir, name));
        lines.addAll(List.of(
                "mode=production",
                "secret_key=" + secret,
                "data_dir=" + dir.toAbsolutePath(),
                "host=127.0.0.1",
                "port=0",
                // No session: the token is the credential measured. No verification: logins of fresh sign-ups work.
                "session_login=false",
                "email_verification=none",
                // Rate limits would answer 429 after 30 logins a minute: the bench measures the work, not the limit.
                "throttle_enabled=false",
                // All load comes from 127.0.0.1: on many cores the flood opens more connections than one address may.
                "max_connections_per_ip=0",
                ""));
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return file;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
