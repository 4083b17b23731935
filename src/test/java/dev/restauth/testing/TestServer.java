package dev.restauth.testing;

import dev.restauth.RestAuth;
import dev.restauth.RestAuthServer;
import dev.restauth.account.CreateUser;
import dev.restauth.config.Settings;
import dev.restauth.user.User;

import org.eclipse.jetty.server.Server;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * A real restauth on a real Jetty on port 0, with its own in-memory H2 database (or a given data source), a fixed
 * test secret key and cheap argon2 parameters (the hasher's own tests use the real ones, as Django's test settings
 * do). Rate limits are off: the wire tests send more logins per minute from 127.0.0.1 than the defaults allow; the
 * throttling tests turn them on with {@code .setting("throttle_enabled", "true")}. So is the cap on connections per
 * client address: the flood tests open more at once from 127.0.0.1; the cap's own test sets it. Close it after the
 * test.
 */
public final class TestServer implements AutoCloseable {
    /** A test-only secret key; never a default anywhere else. */
    public static final String SECRET = "test-secret-key-that-is-only-used-by-restauths-own-tests";
    /** Settings every test server starts from. */
    public static final Map<String, String> BASE = Map.of(
            "secret_key", SECRET,
            "port", "0",
            "argon2_memory_kib", "64",
            "argon2_iterations", "1",
            "hashing_threads", "2",
            "hashing_queue", "10000",
            "throttle_enabled", "false",
            "max_connections_per_ip", "0");

    private final RestAuth app;
    private final Server server;
    private final Http http;

    private TestServer(RestAuth app) {
        this.app = app;
        this.server = RestAuthServer.create(app);
        try {
            server.start();
        } catch (Exception e) {
            app.close();
            throw new IllegalStateException("test server did not start", e);
        }
        String base = "http://127.0.0.1:" + RestAuthServer.port(server) + app.settings().get(Settings.MOUNT_PREFIX);
        // every exchange of every test is held to the OpenAPI document this server serves
        this.http = new Http(base, new OpenApiCheck(base));
    }

    /** A server with the base settings. */
    public static TestServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public RestAuth app() {
        return app;
    }

    public Http http() {
        return http;
    }

    public int port() {
        return RestAuthServer.port(server);
    }

    /** Creates an active user whose address is confirmed, as {@code createsuperuser} would. */
    public User createUser(String username, String email, String password) {
        return app.useCases().createUser().run(new CreateUser.NewAccount(username, email, password, false, false, true));
    }

    /** Logs in by username and returns the token key. */
    public String login(String username, String password) {
        Http.Response response = http.post("/login/", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("login failed: " + response);
        }
        return response.json().get("key").getAsString();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            app.close();
        }
    }

    /** Settings and parts for one test server. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>(BASE);
        private Clock clock;
        private DataSource dataSource;
        private Consumer<RestAuth.Builder> customizer = builder -> { };
        private boolean deliverByHand;

        private Builder() {
        }

        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Mail goes to the SMTP server on this local port, and only when the test calls
         * {@code app().outboxSender().deliverDue()}: no background sender races the test.
         */
        public Builder mailTo(int smtpPort) {
            settings.put("email_backend", "smtp");
            settings.put("email_host", "127.0.0.1");
            settings.put("email_port", Integer.toString(smtpPort));
            deliverByHand = true;
            return this;
        }

        /** Anything else on restauth's own builder (a counting hasher, ...). */
        public Builder customize(Consumer<RestAuth.Builder> customizer) {
            this.customizer = customizer;
            return this;
        }

        public TestServer start() {
            if (dataSource == null && !settings.containsKey("database_url")) {
                settings.put("database_url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            }
            Settings.Builder values = Settings.builder();
            settings.forEach(values::set);
            RestAuth.Builder builder = RestAuth.builder(values.build());
            if (clock != null) {
                builder.clock(clock);
            }
            if (dataSource != null) {
                builder.dataSource(dataSource);
            }
            if (deliverByHand) {
                builder.backgroundWork(false);
            }
            customizer.accept(builder);
            return new TestServer(builder.build());
        }
    }
}
