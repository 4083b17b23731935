package dev.restauth.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restauth.db.Database;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bare server restauth is measured against: the least work any server must do to answer {@code GET /user/}.
 * The same Jetty, configured as {@code RestAuthServer} configures it, one plain servlet at {@code /rest-auth/user/},
 * the same kind of pool (HikariCP, as {@code Database.fromSettings} sets it up) on the same kind of database (an H2
 * file or a PostgreSQL database, a copy of its own), and the same JSON written by Gson. It runs in its own JVM with
 * the flags {@code make run} uses.
 *
 * <p>Two ways to find the user from {@code Authorization: Token <key>}:
 * <ul>
 * <li>{@link Lookup#PK}: the key maps to the user's primary key in a map read at start (every key of the bench's
 * sample), then one primary-key lookup: the floor.</li>
 * <li>{@link Lookup#KEYED_HASH}: HMAC-SHA256 of the key, then one indexed join of {@code restauth_token} and
 * {@code restauth_user} on it: what restauth's token lookup has to do at least, so the table splits restauth's
 * cost into "finding a user by a keyed hash" and "everything else".</li>
 * </ul>
 *
 * <p>Usage: {@code BaselineServer <settings.properties> <tokens.tsv> pk|keyed_hash}. The settings file is the one
 * restauth is started with (the database, found as restauth finds it; {@code database_pool_size}; {@code secret_key});
 * the tokens file holds {@code key<TAB>pk<TAB>username} lines. Prints {@code baseline serving
 * http://127.0.0.1:<port>/} when ready.
 */
public final class BaselineServer {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final String BY_PK =
            "SELECT id, username, email, first_name, last_name FROM restauth_user WHERE id = ?";
    private static final String BY_KEY_HASH = "SELECT u.id, u.username, u.email, u.first_name, u.last_name "
            + "FROM restauth_token t JOIN restauth_user u ON u.id = t.user_id WHERE t.key_hash = ?";

    /** How the baseline turns a token into a user. */
    enum Lookup {
        PK, KEYED_HASH
    }

    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            settings.load(reader);
        }
        Map<String, Long> pks = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            pks.put(fields[0], Long.parseLong(fields[1]));
        }
        Lookup lookup = Lookup.valueOf(args[2].toUpperCase(Locale.ROOT));

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("baseline");
        pool.setJdbcUrl(Database.jdbcUrl(Seeder.settings(Path.of(args[0])))); // restauth's URL for these settings
        int size = Integer.parseInt(settings.getProperty("database_pool_size", "10"));
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(Math.min(2, size));
        pool.setAutoCommit(true);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource dataSource = new HikariDataSource(pool);

        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        byte[] lookupKey = lookupKey(settings.getProperty("secret_key"));
        context.addServlet(new ServletHolder(new UserServlet(dataSource, lookup, pks, lookupKey)),
                "/rest-auth/user/*");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        System.out.printf("baseline serving http://127.0.0.1:%d/ (%s)%n", connector.getLocalPort(), lookup);
        server.join();
        dataSource.close();
    }

    /**
     * The key restauth's {@code Keyring} derives for the purpose {@code token.lookup}: HMAC-SHA256 of the purpose
     * name under the secret key. Derived once here; per request only the key's own HMAC remains.
     */
    private static byte[] lookupKey(String secret) throws GeneralSecurityException {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), "restauth.token.lookup");
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET /rest-auth/user/}: the user's five fields, or 401 for a missing or unknown token. */
    private static final class UserServlet extends HttpServlet {
        private static final String PREFIX = "Token ";

        private final transient HikariDataSource dataSource;
        private final Lookup lookup;
        private final transient Map<String, Long> pks;
        private final byte[] lookupKey;

        UserServlet(HikariDataSource dataSource, Lookup lookup, Map<String, Long> pks, byte[] lookupKey) {
            this.dataSource = dataSource;
            this.lookup = lookup;
            this.pks = pks;
            this.lookupKey = lookupKey;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String header = request.getHeader("Authorization");
            String key = header != null && header.startsWith(PREFIX) ? header.substring(PREFIX.length()) : null;
            JsonObject user;
            try {
                user = key == null ? null : find(key);
            } catch (SQLException | GeneralSecurityException e) {
                throw new IOException(e);
            }
            if (user == null) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            byte[] bytes = GSON.toJson(user).getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json");
            response.setContentLength(bytes.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
            }
        }

        private JsonObject find(String key) throws SQLException, GeneralSecurityException {
            if (lookup == Lookup.PK) {
                Long pk = pks.get(key);
                return pk == null ? null : query(BY_PK, pk);
            }
            return query(BY_KEY_HASH, HexFormat.of().formatHex(hmac(lookupKey, key)));
        }

        private JsonObject query(String sql, Object parameter) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    JsonObject user = new JsonObject();
                    user.addProperty("pk", row.getLong(1));
                    user.addProperty("username", row.getString(2));
                    user.addProperty("email", row.getString(3));
                    user.addProperty("first_name", row.getString(4));
                    user.addProperty("last_name", row.getString(5));
                    return user;
                }
            }
        }
    }
}
