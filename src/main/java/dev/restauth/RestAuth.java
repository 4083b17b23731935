package dev.restauth;

import dev.restauth.account.CheckReadiness;
import dev.restauth.account.UseCases;
import dev.restauth.auth.Authentication;
import dev.restauth.auth.Authenticator;
import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.JwtAuthenticator;
import dev.restauth.auth.JwtCookies;
import dev.restauth.auth.Keyring;
import dev.restauth.auth.PasswordResetTokens;
import dev.restauth.auth.Passwords;
import dev.restauth.auth.RecentUses;
import dev.restauth.auth.SessionAuthenticator;
import dev.restauth.auth.SessionCookies;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.TokenAuthenticator;
import dev.restauth.auth.Tokens;
import dev.restauth.auth.crypto.Argon2Hasher;
import dev.restauth.auth.crypto.DelegatingPasswordHasher;
import dev.restauth.auth.crypto.HashingPool;
import dev.restauth.auth.crypto.PasswordHasher;
import dev.restauth.auth.crypto.ResetTokenGenerator;
import dev.restauth.config.EmailBackend;
import dev.restauth.config.SecretKey;
import dev.restauth.config.Settings;
import dev.restauth.error.ApiException;
import dev.restauth.db.Database;
import dev.restauth.db.DatabaseUnavailableException;
import dev.restauth.db.Migrator;
import dev.restauth.db.Sweeper;
import dev.restauth.http.AllowedHosts;
import dev.restauth.http.ApiServlet.ApiSupport;
import dev.restauth.http.ClientAddresses;
import dev.restauth.http.FrontServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.http.Router;
import dev.restauth.jwt.JwtCodec;
import dev.restauth.jwt.KeySet;
import dev.restauth.mail.ConsoleTransport;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.MailTransport;
import dev.restauth.mail.Outbox;
import dev.restauth.mail.OutboxSender;
import dev.restauth.mail.SmtpTransport;
import dev.restauth.password.PasswordValidators;
import dev.restauth.serializer.DatabaseUserQueries;
import dev.restauth.serializer.SerializerContext;
import dev.restauth.serializer.SerializerRegistry;
import dev.restauth.social.SocialProvider;
import dev.restauth.social.SocialProviders;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * restauth's composition root: builds every part from {@link Settings} once, in one place, for all three ways of
 * running (standalone, WAR, library). No static state: a test may build as many independent instances as it likes.
 *
 * <p>{@link #servlet()} is what a container serves; {@link RestAuthFilter} puts restauth's authentication in front of
 * an application's own servlets; {@link #useCases()} lets an application or a tool act without HTTP (create a user,
 * log one in). Building starts the outbox sender's and the sweeper's threads (unless the builder turned background
 * work off); {@link #close()} stops them, the hashing threads and, when restauth opened it, the connection pool.
 * Thread-safe once built.
 */
public final class RestAuth implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RestAuth.class.getName());
    /** How often expired rate-limit windows, sessions, refresh tokens and second-factor challenges are deleted. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    /** What a client told the database is unavailable waits before it tries again. */
    private static final long DATABASE_RETRY_AFTER_SECONDS = 2;

    private final Settings settings;
    private final Database database;
    private final HashingPool hashingPool;
    private final Authentication authentication;
    private final UseCases useCases;
    private final Router router;
    private final OutboxSender outboxSender;
    private final Outbox outbox;
    private final Sweeper sweeper;
    /** Writes the uses of tokens and sessions that requests noted in {@link #recentUses}. */
    private final Sweeper usesWriter;
    private final RecentUses recentUses;

    private RestAuth(Builder builder) {
        this.settings = builder.settings;
        Clock clock = builder.clock;
        SecretKey secretKey = builder.secretKey != null ? builder.secretKey : SecretKey.resolve(settings);
        Keyring keyring = new Keyring(secretKey);
        // JWT mode's keys are read and checked before the database is touched: a bad key file stops the start.
        KeySet jwtKeys = settings.get(Settings.USE_JWT) ? KeySet.load(settings, secretKey.bytes()) : null;
        this.database = builder.dataSource != null ? Database.of(builder.dataSource) : Database.fromSettings(settings);
        try {
            new Migrator(database, clock).migrate();
            int threads = settings.get(Settings.HASHING_THREADS);
            this.hashingPool = new HashingPool(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                    settings.get(Settings.HASHING_QUEUE));
            Passwords passwords = new Passwords(builder.hasher != null ? builder.hasher : defaultHasher(settings),
                    hashingPool);
            PasswordValidators validators = PasswordValidators.fromNames(settings.get(Settings.PASSWORD_VALIDATORS),
                    settings.get(Settings.PASSWORD_MIN_LENGTH));
            this.outbox = new Outbox(clock, keyring.key(Outbox.KEY_PURPOSE));
            this.recentUses = new RecentUses(database);
            Tokens tokens = new Tokens(database, keyring, clock,
                    Duration.ofSeconds(settings.get(Settings.TOKEN_IDLE_TIMEOUT)),
                    Duration.ofSeconds(settings.get(Settings.TOKEN_MAX_AGE)), settings.get(Settings.TOKEN_PER_DEVICE),
                    recentUses);
            Sessions sessions = new Sessions(database, keyring, clock, settings, recentUses);
            PasswordResetTokens resetTokens = new PasswordResetTokens(database, new ResetTokenGenerator(
                    keyring.secret(), Duration.ofSeconds(settings.get(Settings.PASSWORD_RESET_TIMEOUT)), clock));
            JsonWebTokens jwt = jwtKeys == null ? null
                    : new JsonWebTokens(new JwtCodec(jwtKeys, clock, settings), clock, settings);
            this.authentication = new Authentication(authenticators(tokens, sessions, jwt));
            this.useCases = UseCases.of(new UseCases.Parts(settings, clock, database, passwords, validators,
                    new Throttle(database, keyring, clock, settings), tokens, sessions, recentUses, resetTokens, outbox,
                    MailTemplates.fromSettings(settings), keyring, jwt));
            SerializerRegistry serializers = SerializerRegistry.load(settings.get(Settings.SERIALIZERS_FILE),
                    new SerializerContext(settings, validators, passwords, new DatabaseUserQueries(database),
                            resetTokens));
            AllowedHosts allowedHosts = new AllowedHosts(settings.get(Settings.ALLOWED_HOSTS));
            this.router = Routes.build(new Router(new ApiSupport(authentication, settings.get(Settings.MAX_BODY_BYTES),
                    new ClientAddresses(settings.get(Settings.TRUSTED_PROXIES)), RestAuth::outage)),
                    new Routes.Parts(useCases,
                    serializers, new LinkTemplate(settings.get(Settings.PASSWORD_RESET_URL), allowedHosts),
                    new LinkTemplate(settings.get(Settings.EMAIL_CONFIRMATION_URL), allowedHosts),
                    new SessionCookies(clock, settings),
                    SocialProviders.build(settings, SocialProviders.http(settings), builder.socialProviders),
                    jwt == null ? null : new Routes.Jwt(new JwtCookies(clock, settings),
                            jwtKeys.publishesKeys() ? jwtKeys.publicJwkSet() : null,
                            settings.get(Settings.JWT_AUTH_COOKIE_USE_CSRF),
                            settings.get(Settings.JWT_AUTH_RETURN_EXPIRATION)),
                    settings.get(Settings.MFA_ENABLED)));
            Routes.service(router, settings, new CheckReadiness(database, clock, settings));
            this.outboxSender = new OutboxSender(database,
                    builder.mailTransport != null ? builder.mailTransport : defaultTransport(settings, clock), clock,
                    OutboxSender.Policy.fromSettings(settings),
                    Duration.ofSeconds(settings.get(Settings.OUTBOX_POLL_INTERVAL)), outbox);
            List<Database.VoidWork> sweeps = new ArrayList<>(List.of(
                    tx -> tx.throttle().deleteExpired(clock.instant()),
                    tx -> tx.sessions().deleteExpired(clock.instant())));
            if (jwt != null) {
                sweeps.add(jwt::deleteExpired); // refresh tokens and their families, once expired
            }
            // second factors and passkeys: ephemeral and activation tokens, WebAuthn challenges, once expired
            sweeps.add(tx -> tx.mfaChallenges().deleteExpired(clock.instant()));
            // the security log, past audit_retention_days
            Duration retention = Duration.ofDays(settings.get(Settings.AUDIT_RETENTION_DAYS));
            sweeps.add(tx -> tx.auditEvents().deleteBefore(clock.instant().minus(retention)));
            sweeps.add(tx -> tx.reauthentications().deleteExpired(clock.instant()));
            this.sweeper = new Sweeper(database, SWEEP_INTERVAL, sweeps);
            this.usesWriter = new Sweeper(RecentUses.WRITE_INTERVAL, List.of(recentUses::write));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        if (builder.backgroundWork) {
            outboxSender.start();
            sweeper.start();
            usesWriter.start();
        }
    }

    /** A builder for restauth under these settings. */
    public static Builder builder(Settings settings) {
        return new Builder(settings);
    }

    /** The front servlet to mount under the prefix, e.g. {@code /rest-auth/*}. */
    public FrontServlet servlet() {
        return new FrontServlet(router);
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    /** The pool password hashes run on (its queue is a metric). */
    public HashingPool hashingPool() {
        return hashingPool;
    }

    /** The URL table the front servlet serves. */
    public Router router() {
        return router;
    }

    /** Every use case, for an application's or a tool's own calls (create a user, log one in) without HTTP. */
    public UseCases useCases() {
        return useCases;
    }

    /**
     * The authenticators restauth's endpoints use (token, session + CSRF, in the configured order), for an
     * application's own servlets; {@link RestAuthFilter} is the ready-made way to use them.
     */
    public Authentication authentication() {
        return authentication;
    }

    /** Queues mail in a transaction of the caller's, sealed as restauth's own mail is, for this {@link #outboxSender()}. */
    public Outbox outbox() {
        return outbox;
    }

    /** Delivers the outbox; {@link OutboxSender#deliverDue()} sends what is due now on the caller's thread. */
    public OutboxSender outboxSender() {
        return outboxSender;
    }

    /** Deletes expired rows; {@link Sweeper#sweep()} does it now on the caller's thread. */
    public Sweeper sweeper() {
        return sweeper;
    }

    /**
     * The uses of tokens and sessions that requests noted, written every {@link RecentUses#WRITE_INTERVAL} and at
     * {@link #close()}; {@link RecentUses#write()} writes them now on the caller's thread.
     */
    public RecentUses recentUses() {
        return recentUses;
    }

    @Override
    public void close() {
        // The sender first: a send in progress still needs the database to record its outcome.
        outboxSender.close();
        sweeper.close();
        usesWriter.close();
        hashingPool.close();
        try {
            recentUses.write(); // the uses noted since the last write
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the last uses of tokens and sessions were not written: " + e.getMessage());
        }
        database.close();
    }

    private List<Authenticator> authenticators(Tokens tokens, Sessions sessions, JsonWebTokens jwt) {
        Map<String, Authenticator> known = new HashMap<>(Map.of(
                "token", new TokenAuthenticator(tokens),
                "session", new SessionAuthenticator(sessions)));
        if (jwt != null) {
            known.put("jwt", new JwtAuthenticator(jwt, database, settings));
        }
        List<Authenticator> chain = new ArrayList<>();
        for (String name : settings.get(Settings.AUTHENTICATION_CLASSES)) {
            chain.add(known.get(name));
        }
        return chain;
    }

    /**
     * A database that cannot be used now is a 503 saying so, with {@code Retry-After}; the database logs the outage
     * itself, once and then in summary lines.
     */
    static ApiException outage(RuntimeException failure) {
        if (failure instanceof DatabaseUnavailableException) {
            return ApiException.unavailable(DATABASE_RETRY_AFTER_SECONDS, Messages.get("error.database_unavailable"));
        }
        return null;
    }

    private static MailTransport defaultTransport(Settings settings, Clock clock) {
        if (settings.get(Settings.EMAIL_BACKEND) == EmailBackend.SMTP) {
            return new SmtpTransport(settings, clock);
        }
        return new ConsoleTransport(System.out, settings.get(Settings.DEFAULT_FROM_EMAIL));
    }

    private static PasswordHasher defaultHasher(Settings settings) {
        Argon2Hasher argon2 = new Argon2Hasher(settings.get(Settings.ARGON2_MEMORY_KIB),
                settings.get(Settings.ARGON2_ITERATIONS), settings.get(Settings.ARGON2_PARALLELISM));
        return DelegatingPasswordHasher.djangoCompatible(argon2);
    }

    /** Collects what differs from the settings-driven defaults; for tests and embedding applications. */
    public static final class Builder {
        private final Settings settings;
        private Clock clock = Clock.systemUTC();
        private DataSource dataSource;
        private SecretKey secretKey;
        private PasswordHasher hasher;
        private MailTransport mailTransport;
        private boolean backgroundWork = true;
        private final List<SocialProvider> socialProviders = new ArrayList<>();

        private Builder(Settings settings) {
            this.settings = settings;
        }

        /** The clock every expiry is measured with (tests inject a fixed or stepping one). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Use the application's own data source instead of {@code database_url}; restauth will not close it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** An explicit secret key, instead of {@code secret_key} or the dev key file. */
        public Builder secretKey(SecretKey secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        /** A password hasher of your own (tests count calls through one). */
        public Builder passwordHasher(PasswordHasher hasher) {
            this.hasher = hasher;
            return this;
        }

        /** Where mail goes, instead of the {@code email_backend} setting's transport (tests, embedding apps). */
        public Builder mailTransport(MailTransport transport) {
            this.mailTransport = transport;
            return this;
        }

        /**
         * Whether background threads deliver the outbox and sweep expired rows (default: yes). Command-line tools and
         * tests that drive them themselves, through {@link OutboxSender#deliverDue()} and {@link Sweeper#sweep()},
         * turn them off.
         */
        public Builder backgroundWork(boolean on) {
            this.backgroundWork = on;
            return this;
        }

        /**
         * A social login provider of the application's own (another id, or one replacing a configured provider of
         * the same id), served at {@code /<id>/} and {@code /<id>/connect/} like the configured ones.
         */
        public Builder socialProvider(SocialProvider provider) {
            this.socialProviders.add(provider);
            return this;
        }

        /** Opens the database, applies migrations, and wires every part. */
        public RestAuth build() {
            return new RestAuth(this);
        }
    }
}
