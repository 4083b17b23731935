package dev.restauth;

import dev.restauth.account.AccountQueries;
import dev.restauth.account.Accounts;
import dev.restauth.account.EmailConfirmations;
import dev.restauth.account.Registrations;
import dev.restauth.account.PasswordResets;
import dev.restauth.auth.Authentication;
import dev.restauth.auth.Authenticator;
import dev.restauth.auth.Keyring;
import dev.restauth.auth.LoginService;
import dev.restauth.auth.PasswordResetTokens;
import dev.restauth.auth.Passwords;
import dev.restauth.auth.SessionAuthenticator;
import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenAuthenticator;
import dev.restauth.auth.TokenService;
import dev.restauth.auth.crypto.Argon2Hasher;
import dev.restauth.auth.crypto.DelegatingPasswordHasher;
import dev.restauth.auth.crypto.HashingPool;
import dev.restauth.auth.crypto.PasswordHasher;
import dev.restauth.auth.crypto.ResetTokenGenerator;
import dev.restauth.config.AuthenticationMethod;
import dev.restauth.config.EmailBackend;
import dev.restauth.config.SecretKey;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.Migrator;
import dev.restauth.http.AllowedHosts;
import dev.restauth.http.ApiServlet.ApiSupport;
import dev.restauth.http.ClientAddresses;
import dev.restauth.http.FrontServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.http.Router;
import dev.restauth.mail.ConsoleTransport;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.MailTransport;
import dev.restauth.mail.Outbox;
import dev.restauth.mail.OutboxSender;
import dev.restauth.mail.SmtpTransport;
import dev.restauth.password.PasswordValidators;
import dev.restauth.serializer.SerializerContext;
import dev.restauth.serializer.SerializerRegistry;
import dev.restauth.social.ProviderHttp;
import dev.restauth.social.SocialLogins;
import dev.restauth.social.SocialProvider;
import dev.restauth.social.SocialProviders;
import dev.restauth.throttle.Throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * restauth's composition root: builds every part from {@link Settings} once, in one place, for all three ways of
 * running (standalone, WAR, library). No static state: a test may build as many independent instances as it likes.
 *
 * <p>{@link #servlet()} is what a container serves; {@link RestAuthFilter} puts restauth's authentication in front of
 * an application's own servlets. Building starts the outbox sender's thread (unless the builder turned it off);
 * {@link #close()} stops it, the hashing threads and, when restauth opened it, the connection pool. Thread-safe once
 * built.
 */
public final class RestAuth implements AutoCloseable {
    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final HashingPool hashingPool;
    private final Keyring keyring;
    private final Passwords passwords;
    private final Throttle throttle;
    private final PasswordValidators validators;
    private final TokenService tokens;
    private final SessionService sessions;
    private final LoginService logins;
    private final Accounts accounts;
    private final Outbox outbox;
    private final MailTemplates mailTemplates;
    private final OutboxSender outboxSender;
    private final PasswordResetTokens resetTokens;
    private final PasswordResets passwordResets;
    private final LinkTemplate passwordResetLinks;
    private final LinkTemplate confirmationLinks;
    private final EmailConfirmations confirmations;
    private final Registrations registrations;
    private final SocialProviders socialProviders;
    private final SocialLogins socialLogins;
    private final Authentication authentication;
    private final SerializerRegistry serializers;
    private final Router router;

    private RestAuth(Builder builder) {
        this.settings = builder.settings;
        this.clock = builder.clock;
        this.keyring = new Keyring(builder.secretKey != null ? builder.secretKey : SecretKey.resolve(settings));
        this.database = builder.dataSource != null ? Database.of(builder.dataSource) : Database.fromSettings(settings);
        try {
            new Migrator(database, clock).migrate();
            int threads = settings.get(Settings.HASHING_THREADS);
            this.hashingPool = new HashingPool(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                    settings.get(Settings.HASHING_QUEUE));
            this.passwords = new Passwords(builder.hasher != null ? builder.hasher : defaultHasher(settings),
                    hashingPool);
            this.validators = PasswordValidators.fromNames(settings.get(Settings.PASSWORD_VALIDATORS),
                    settings.get(Settings.PASSWORD_MIN_LENGTH));
            this.throttle = new Throttle(database, keyring, clock, settings);
            this.tokens = new TokenService(database, keyring, clock);
            this.sessions = new SessionService(database, keyring, clock, settings);
            this.logins = new LoginService(database, passwords, throttle, clock, settings);
            this.accounts = new Accounts(database, passwords, clock);
            this.outbox = new Outbox(clock);
            this.mailTemplates = MailTemplates.fromSettings(settings);
            this.resetTokens = new PasswordResetTokens(database, new ResetTokenGenerator(keyring.secret(),
                    Duration.ofSeconds(settings.get(Settings.PASSWORD_RESET_TIMEOUT)), clock));
            this.passwordResets = new PasswordResets(database, resetTokens, mailTemplates, outbox, accounts, sessions,
                    tokens, new PasswordResets.Options(
                            settings.get(Settings.AUTHENTICATION_METHOD) != AuthenticationMethod.EMAIL,
                            settings.get(Settings.LOGOUT_ON_PASSWORD_RESET)));
            AllowedHosts allowedHosts = new AllowedHosts(settings.get(Settings.ALLOWED_HOSTS));
            this.passwordResetLinks = new LinkTemplate(settings.get(Settings.PASSWORD_RESET_URL), allowedHosts);
            this.confirmationLinks = new LinkTemplate(settings.get(Settings.EMAIL_CONFIRMATION_URL), allowedHosts);
            this.confirmations = new EmailConfirmations(database, keyring.secret(), clock, settings, outbox,
                    mailTemplates);
            this.registrations = new Registrations(database, passwords, clock, settings, confirmations, throttle,
                    mailTemplates, outbox);
            ProviderHttp providerHttp = SocialProviders.http(settings);
            this.socialProviders = SocialProviders.build(settings, providerHttp, builder.socialProviders);
            this.socialLogins = new SocialLogins(database, clock, settings, confirmations);
            this.authentication = new Authentication(authenticators());
            this.serializers = SerializerRegistry.load(settings.get(Settings.SERIALIZERS_FILE),
                    new SerializerContext(settings, validators, passwords, new AccountQueries(database),
                            resetTokens));
            this.router = Routes.build(this, new ApiSupport(authentication, settings.get(Settings.MAX_BODY_BYTES),
                    new ClientAddresses(settings.get(Settings.TRUSTED_PROXIES))));
            this.outboxSender = new OutboxSender(database,
                    builder.mailTransport != null ? builder.mailTransport : defaultTransport(settings, clock), clock,
                    OutboxSender.Policy.fromSettings(settings),
                    Duration.ofSeconds(settings.get(Settings.OUTBOX_POLL_INTERVAL)));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        if (builder.backgroundDelivery) {
            outboxSender.start();
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

    public Router router() {
        return router;
    }

    public Accounts accounts() {
        return accounts;
    }

    public PasswordValidators validators() {
        return validators;
    }

    /**
     * Rate limits and lockout, the one decision point of every credential path: a login of another kind (social,
     * JWT refresh) asks it with {@code throttle().begin(Action..., request.clientAddress(), key)} before checking
     * anything.
     */
    public Throttle throttle() {
        return throttle;
    }

    /** The durable outbox: queue mail with {@code outbox().enqueue(connection, mail)} inside a transaction. */
    public Outbox outbox() {
        return outbox;
    }

    /** The mail templates ({@code password_reset_key}, {@code email_confirmation}, and any of the user's). */
    public MailTemplates mailTemplates() {
        return mailTemplates;
    }

    /** Delivers the outbox; {@link OutboxSender#deliverDue()} sends what is due now on the caller's thread. */
    public OutboxSender outboxSender() {
        return outboxSender;
    }

    /**
     * The authenticators restauth's endpoints use (token, session + CSRF, in the configured order), for an
     * application's own servlets; {@link RestAuthFilter} is the ready-made way to use them.
     */
    public Authentication authentication() {
        return authentication;
    }

    Clock clock() {
        return clock;
    }

    Passwords passwords() {
        return passwords;
    }

    TokenService tokens() {
        return tokens;
    }

    SessionService sessions() {
        return sessions;
    }

    LoginService logins() {
        return logins;
    }

    SerializerRegistry serializers() {
        return serializers;
    }

    PasswordResets passwordResets() {
        return passwordResets;
    }

    LinkTemplate passwordResetLinks() {
        return passwordResetLinks;
    }

    LinkTemplate confirmationLinks() {
        return confirmationLinks;
    }

    EmailConfirmations confirmations() {
        return confirmations;
    }

    Registrations registrations() {
        return registrations;
    }

    SocialProviders socialProviders() {
        return socialProviders;
    }

    SocialLogins socialLogins() {
        return socialLogins;
    }

    @Override
    public void close() {
        // The sender first: a send in progress still needs the database to record its outcome.
        outboxSender.close();
        hashingPool.close();
        database.close();
    }

    private List<Authenticator> authenticators() {
        Map<String, Authenticator> known = Map.of(
                "token", new TokenAuthenticator(tokens),
                "session", new SessionAuthenticator(sessions));
        List<Authenticator> chain = new ArrayList<>();
        for (String name : settings.get(Settings.AUTHENTICATION_CLASSES)) {
            chain.add(known.get(name));
        }
        return chain;
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
        private boolean backgroundDelivery = true;
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
         * Whether a background thread delivers the outbox (default: yes). Command-line tools and tests that drive
         * delivery themselves, through {@link OutboxSender#deliverDue()}, turn it off.
         */
        public Builder backgroundDelivery(boolean on) {
            this.backgroundDelivery = on;
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
