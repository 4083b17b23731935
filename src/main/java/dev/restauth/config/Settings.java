package dev.restauth.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Every setting restauth has, with its value: immutable once built and safe to share between threads.
 *
 * <p>The constants below are the single list of settings (the README table is checked against it). Read a value
 * with {@link #get(Setting)}; build one with {@link #builder()} (tests) or {@link SettingsLoader} (the server),
 * which layers built-in defaults, a properties file, system properties and {@code RESTAUTH_*} environment
 * variables. Unknown keys and unparsable values fail when the settings are built, naming the key.
 */
public final class Settings {
    private static final List<Setting<?>> ALL = new ArrayList<>();

    // --- server -------------------------------------------------------------------------------------------------
    public static final Setting<Mode> MODE = define("mode", Mode.DEV, enumParser(Mode.class), "DEBUG (inverted)",
            "`dev` generates a secret key on first start; `production` refuses to start without `secret_key`.");
    public static final Setting<String> SECRET_KEY = defineSecret("secret_key", null, "SECRET_KEY",
            "Signs reset tokens, verification keys and token/session hashes. At least 32 characters. Never shipped.");
    public static final Setting<Path> DATA_DIR = define("data_dir", Path.of("var"), Path::of, "-",
            "Directory for the embedded H2 database and the generated dev secret key.");
    public static final Setting<String> HOST = define("host", "127.0.0.1", Settings::nonBlank, "-",
            "Address the standalone server listens on.");
    public static final Setting<Integer> PORT = define("port", 8000, intParser(0, 65535), "-",
            "Port the standalone server listens on (0 picks a free one).");
    public static final Setting<String> MOUNT_PREFIX = define("mount_prefix", "/rest-auth", Settings::prefix,
            "path('rest-auth/', include('dj_rest_auth.urls'))", "URL prefix the endpoints live under.");
    public static final Setting<Integer> MAX_BODY_BYTES = define("max_body_bytes", 1_048_576,
            intParser(1024, Integer.MAX_VALUE), "DATA_UPLOAD_MAX_MEMORY_SIZE",
            "Largest request body accepted; larger ones get 413.");
    /** Unset (null) means "as the mode says": on in dev mode, off in production mode; see {@link #demoEnabled()}. */
    public static final Setting<Boolean> DEMO = define("demo", null, Settings::bool, "-",
            "Serve the demo page at `/` of the standalone server (with a `mount_prefix` other than `/`). Unset: on "
                    + "in `dev` mode, off in `production`.");

    // --- what one client may hold of the standalone server (a container's own connector settings rule the WAR) ---
    public static final Setting<Integer> BODY_TIMEOUT = define("body_timeout", 20, intParser(1, 3600), "-",
            "Seconds a request body may take to arrive in full, counted from the end of its headers; a later one "
                    + "gets 408 and its connection is closed. No request thread waits for a body meanwhile.");
    public static final Setting<Integer> BODY_MIN_RATE = define("body_min_rate", 1024, intParser(0, 1_073_741_824),
            "-", "Bytes per second a request body must average once it has taken 5 seconds; a slower one gets 408 "
                    + "and its connection is closed. 0: no rate check.");
    public static final Setting<Integer> BODY_BUFFER_BYTES = define("body_buffer_bytes", 67_108_864,
            intParser(1024, Integer.MAX_VALUE), "-",
            "Bytes of request bodies the server holds in memory at once, over all connections; a body that would go "
                    + "beyond gets 503.");
    public static final Setting<Integer> IDLE_TIMEOUT = define("idle_timeout", 30, intParser(1, 3600), "-",
            "Seconds a connection may stay silent (between requests, or part way through one) before it is closed.");
    public static final Setting<Integer> MAX_CONNECTIONS = define("max_connections", 4096,
            intParser(1, 1_000_000), "-",
            "Open connections the server holds; beyond it, new ones wait to be accepted until one closes.");
    public static final Setting<Integer> MAX_CONNECTIONS_PER_IP = define("max_connections_per_ip", 128,
            intParser(0, 1_000_000), "-",
            "Open connections one client IP address may hold; a further one is closed at once. 0: no cap. Not "
                    + "applied with `trusted_proxies` above 0, where every connection comes from a proxy.");
    public static final Setting<Integer> SHUTDOWN_GRACE_PERIOD = define("shutdown_grace_period", 10,
            intParser(0, 3600), "-",
            "Seconds a stopping server (SIGTERM, Ctrl-C) gives the requests in flight to finish once it has stopped "
                    + "accepting new ones; then the database closes. A request still running after it is cut off.");

    // --- database -----------------------------------------------------------------------------------------------
    public static final Setting<String> DATABASE_URL = define("database_url", null, Settings::nonBlank,
            "DATABASES", "JDBC URL (H2, PostgreSQL or MariaDB). Default: an H2 file database in `data_dir`.");
    public static final Setting<String> DATABASE_USER = define("database_user", "", Function.identity(),
            "DATABASES USER", "Database user.");
    public static final Setting<String> DATABASE_PASSWORD = defineSecret("database_password", "",
            "DATABASES PASSWORD", "Database password.");
    public static final Setting<Integer> DATABASE_POOL_SIZE = define("database_pool_size", 10, intParser(2, 500),
            "CONN_MAX_AGE (roughly)", "Connections in the pool; at least 2, as migrating at start takes two.");
    public static final Setting<Integer> DATABASE_STATEMENT_TIMEOUT = define("database_statement_timeout", 5,
            intParser(1, 3600), "-",
            "Seconds one SQL statement may run or wait for a lock before it is cancelled and the request answered 503; "
                    + "also the longest wait for a pooled connection. Applies to the pool restauth opens itself.");

    // --- authentication -----------------------------------------------------------------------------------------
    public static final Setting<List<String>> AUTHENTICATION_CLASSES = define("authentication_classes",
            List.of("token", "session"), listParser(List.of("token", "session", "jwt")),
            "REST_FRAMEWORK DEFAULT_AUTHENTICATION_CLASSES",
            "Order in which `token`, `session` and `jwt` credentials are tried; the first decides 401 (token, jwt) "
                    + "or 403.");
    public static final Setting<Boolean> SESSION_LOGIN = define("session_login", true, Settings::bool,
            "REST_AUTH SESSION_LOGIN", "Login also opens a session (`sessionid` + `csrftoken` cookies).");
    public static final Setting<Integer> SESSION_COOKIE_AGE = define("session_cookie_age", 1_209_600,
            intParser(60, Integer.MAX_VALUE), "SESSION_COOKIE_AGE", "Session lifetime in seconds (2 weeks).");
    public static final Setting<Boolean> COOKIE_SECURE = define("cookie_secure", false, Settings::bool,
            "SESSION_COOKIE_SECURE, CSRF_COOKIE_SECURE", "Mark session and CSRF cookies `Secure` (set it behind HTTPS).");
    public static final Setting<AuthenticationMethod> AUTHENTICATION_METHOD = define("authentication_method",
            AuthenticationMethod.USERNAME_EMAIL, enumParser(AuthenticationMethod.class),
            "ACCOUNT_AUTHENTICATION_METHOD", "`username`, `email` or `username_email`: what login accepts.");
    public static final Setting<EmailVerification> EMAIL_VERIFICATION = define("email_verification",
            EmailVerification.MANDATORY, enumParser(EmailVerification.class), "ACCOUNT_EMAIL_VERIFICATION",
            "`none`, `optional` or `mandatory`; with `mandatory`, login needs a confirmed address.");

    // --- registration -------------------------------------------------------------------------------------------
    public static final Setting<Boolean> EMAIL_REQUIRED = define("email_required", true, Settings::bool,
            "ACCOUNT_EMAIL_REQUIRED", "Registration requires an e-mail address.");
    public static final Setting<Boolean> UNIQUE_EMAIL = define("unique_email", true, Settings::bool,
            "ACCOUNT_UNIQUE_EMAIL", "An address may belong to one account only (compared case-insensitively).");
    public static final Setting<Boolean> USERNAME_REQUIRED = define("username_required", true, Settings::bool,
            "ACCOUNT_USERNAME_REQUIRED", "Registration requires a username; without it one is made from the address.");
    public static final Setting<Integer> USERNAME_MIN_LENGTH = define("username_min_length", 1, intParser(1, 150),
            "ACCOUNT_USERNAME_MIN_LENGTH", "Shortest username accepted at registration.");
    public static final Setting<Integer> EMAIL_CONFIRMATION_EXPIRE_DAYS = define("email_confirmation_expire_days",
            3, intParser(1, 365), "ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS", "Days a verification key stays valid.");
    public static final Setting<String> EMAIL_CONFIRMATION_URL = define("email_confirmation_url",
            "{api}/registration/account-confirm-email/{key}/", linkTemplate("{key}"),
            "ACCOUNT_ADAPTER.get_email_confirmation_url",
            "Link in the verification mail, with `{key}`; `{api}` is restauth's mount point. A path gets the "
                    + "request's scheme and Host (in `allowed_hosts`); an absolute URL, e.g. "
                    + "`https://app.example.com/verify/{key}`, points at your app.");

    // --- passwords ----------------------------------------------------------------------------------------------
    public static final Setting<Boolean> OLD_PASSWORD_FIELD_ENABLED = define("old_password_field_enabled", false,
            Settings::bool, "REST_AUTH OLD_PASSWORD_FIELD_ENABLED", "Password change requires `old_password`.");
    public static final Setting<Boolean> LOGOUT_ON_PASSWORD_CHANGE = define("logout_on_password_change", false,
            Settings::bool, "REST_AUTH LOGOUT_ON_PASSWORD_CHANGE",
            "Password change logs out everywhere (all sessions end, the token is deleted). Off: the session used is "
                    + "kept, other sessions end, the token survives.");
    public static final Setting<List<String>> PASSWORD_VALIDATORS = define("password_validators",
            List.of("similarity", "minimum_length", "common", "numeric"), listParser(null),
            "AUTH_PASSWORD_VALIDATORS",
            "Validators in order: `similarity`, `minimum_length`, `common`, `numeric`, or a class name.");
    public static final Setting<Integer> PASSWORD_MIN_LENGTH = define("password_min_length", 8, intParser(1, 128),
            "MinimumLengthValidator min_length", "Shortest password accepted.");
    public static final Setting<Integer> ARGON2_MEMORY_KIB = define("argon2_memory_kib", 19_456,
            intParser(8, 4_194_304), "Argon2PasswordHasher.memory_cost", "argon2id memory per hash, KiB.");
    public static final Setting<Integer> ARGON2_ITERATIONS = define("argon2_iterations", 2, intParser(1, 100),
            "Argon2PasswordHasher.time_cost", "argon2id passes.");
    public static final Setting<Integer> ARGON2_PARALLELISM = define("argon2_parallelism", 1, intParser(1, 64),
            "Argon2PasswordHasher.parallelism", "argon2id lanes.");
    public static final Setting<Integer> HASHING_THREADS = define("hashing_threads", 0, intParser(0, 1024), "-",
            "Threads that hash passwords (0: one per core). Bounds argon2's memory under a login flood.");
    public static final Setting<Integer> HASHING_QUEUE = define("hashing_queue", 64, intParser(1, 100_000), "-",
            "Hash requests that may wait; beyond that login answers 503 with Retry-After at once.");

    // --- password reset -----------------------------------------------------------------------------------------
    public static final Setting<String> PASSWORD_RESET_URL = define("password_reset_url",
            "/password-reset/confirm/{uid}/{token}/", linkTemplate("{uid}", "{token}"),
            "dj-rest-auth url_generator (reverse('password_reset_confirm'))",
            "Link in the reset mail, with `{uid}` and `{token}`. A path gets the request's scheme and Host (which "
                    + "must be in `allowed_hosts`); an absolute URL, e.g. "
                    + "`https://app.example.com/reset?uid={uid}&token={token}`, is used as it is.");
    public static final Setting<Integer> PASSWORD_RESET_TIMEOUT = define("password_reset_timeout", 259_200,
            intParser(1, Integer.MAX_VALUE), "PASSWORD_RESET_TIMEOUT",
            "Seconds a reset link stays valid (3 days). It also dies when the password changes or the user logs in.");
    public static final Setting<Boolean> LOGOUT_ON_PASSWORD_RESET = define("logout_on_password_reset", false,
            Settings::bool, "- (dj-rest-auth keeps the token)",
            "A reset also deletes the user's token. Sessions end either way; off, the token survives, as in "
                    + "dj-rest-auth.");
    public static final Setting<List<String>> ALLOWED_HOSTS = define("allowed_hosts",
            List.of("localhost", "127.0.0.1", "[::1]"), Settings::hostPatterns, "ALLOWED_HOSTS",
            "Host headers links in mails may be built from (port ignored; `.example.com` allows subdomains, `*` "
                    + "any). Another Host gets 400 `Invalid Host header.` where a link needs it.");

    // --- rate limits and lockout --------------------------------------------------------------------------------
    public static final Setting<Boolean> THROTTLE_ENABLED = define("throttle_enabled", true, Settings::bool,
            "ACCOUNT_RATE_LIMITS = False (off)", "Rate limits and lockout on; `false` turns every `throttle_*` "
                    + "limit off at once.");
    public static final Setting<Rate> THROTTLE_LOGIN = define("throttle_login", Rate.parse("30/m"), Rate::parse,
            "ACCOUNT_RATE_LIMITS[\"login\"]", "Login attempts per client IP (password and social logins, right "
                    + "or wrong).");
    public static final Setting<Rate> THROTTLE_LOGIN_FAILED = define("throttle_login_failed", Rate.parse("5/5m"),
            Rate::parse, "ACCOUNT_RATE_LIMITS[\"login_failed\"]", "Failed logins per client IP and login (the "
                    + "username or address as typed, case and width folded); a successful login clears this IP's "
                    + "count.");
    public static final Setting<Rate> THROTTLE_LOGIN_LOCKOUT = define("throttle_login_lockout", Rate.parse("20/h"),
            Rate::parse, "- (Keycloak: Max Login Failures)", "Failed logins per login from all IPs together; "
                    + "reaching it locks the login until its window ends, also for the right password.");
    public static final Setting<Rate> THROTTLE_SIGNUP = define("throttle_signup", Rate.parse("20/m"), Rate::parse,
            "ACCOUNT_RATE_LIMITS[\"signup\"]", "Registration attempts per client IP.");
    public static final Setting<Rate> THROTTLE_PASSWORD_RESET = define("throttle_password_reset",
            Rate.parse("20/m"), Rate::parse, "ACCOUNT_RATE_LIMITS[\"reset_password\"] (ip)",
            "Password reset requests per client IP.");
    public static final Setting<Rate> THROTTLE_PASSWORD_RESET_EMAIL = define("throttle_password_reset_email",
            Rate.parse("5/m"), Rate::parse, "ACCOUNT_RATE_LIMITS[\"reset_password\"] (key)",
            "Password reset requests per e-mail address, known or not.");
    public static final Setting<Rate> THROTTLE_PASSWORD_RESET_CONFIRM = define("throttle_password_reset_confirm",
            Rate.parse("20/m"), Rate::parse, "ACCOUNT_RATE_LIMITS[\"reset_password_from_key\"]",
            "Reset confirmations per client IP.");
    public static final Setting<Rate> THROTTLE_PASSWORD_RESET_CONFIRM_FAILED = define(
            "throttle_password_reset_confirm_failed", Rate.parse("5/5m"), Rate::parse, "-",
            "Reset confirmations with a refused `uid` or `token`, per client IP and uid.");
    public static final Setting<Rate> THROTTLE_PASSWORD_CHANGE_FAILED = define("throttle_password_change_failed",
            Rate.parse("5/5m"), Rate::parse, "ACCOUNT_RATE_LIMITS[\"change_password\"]",
            "Password changes with a refused `old_password`, per user.");
    public static final Setting<Rate> THROTTLE_CONFIRMATION_EMAIL = define("throttle_confirmation_email",
            Rate.parse("1/3m"), Rate::parse, "ACCOUNT_RATE_LIMITS[\"confirm_email\"]",
            "`resend-email/` requests per address; also caps the \"account already exists\" mails of "
                    + "`prevent_enumeration`, counted apart.");
    public static final Setting<Integer> TRUSTED_PROXIES = define("trusted_proxies", 0, intParser(0, 10),
            "- (django-ipware PROXY_COUNT)", "Reverse proxies in front of restauth. 0: the client IP is the "
                    + "socket's peer and `X-Forwarded-For` is ignored; n: the n-th address from the right of "
                    + "`X-Forwarded-For`.");
    public static final Setting<Boolean> PREVENT_ENUMERATION = define("prevent_enumeration", false, Settings::bool,
            "ACCOUNT_PREVENT_ENUMERATION", "With mandatory verification, registration with a taken address answers "
                    + "as a successful one and mails the address's owner instead of reporting the address.");

    // --- mail ---------------------------------------------------------------------------------------------------
    public static final Setting<EmailBackend> EMAIL_BACKEND = define("email_backend", EmailBackend.CONSOLE,
            enumParser(EmailBackend.class), "EMAIL_BACKEND",
            "`console` prints mail on standard output; `smtp` sends it to `email_host`.");
    public static final Setting<String> EMAIL_HOST = define("email_host", "localhost", Settings::nonBlank,
            "EMAIL_HOST", "SMTP server.");
    public static final Setting<Integer> EMAIL_PORT = define("email_port", 25, intParser(1, 65535), "EMAIL_PORT",
            "SMTP port (587 for `starttls`, 465 for `ssl`, usually).");
    public static final Setting<String> EMAIL_HOST_USER = define("email_host_user", "", Function.identity(),
            "EMAIL_HOST_USER", "SMTP user; empty: no authentication.");
    public static final Setting<String> EMAIL_HOST_PASSWORD = defineSecret("email_host_password", "",
            "EMAIL_HOST_PASSWORD", "SMTP password.");
    public static final Setting<EmailSecurity> EMAIL_SECURITY = define("email_security", EmailSecurity.NONE,
            enumParser(EmailSecurity.class), "EMAIL_USE_TLS, EMAIL_USE_SSL",
            "`none`, `starttls` (required, not opportunistic) or `ssl` (TLS from the start); the server's "
                    + "certificate and name are checked.");
    public static final Setting<Integer> EMAIL_CONNECT_TIMEOUT = define("email_connect_timeout", 10,
            intParser(1, 60), "EMAIL_TIMEOUT", "Seconds to wait for the SMTP server to accept the connection.");
    public static final Setting<Integer> EMAIL_READ_TIMEOUT = define("email_read_timeout", 30, intParser(1, 60),
            "EMAIL_TIMEOUT", "Seconds to wait for each SMTP reply (and each write).");
    public static final Setting<String> DEFAULT_FROM_EMAIL = define("default_from_email", "webmaster@localhost",
            Settings::nonBlank, "DEFAULT_FROM_EMAIL", "From address of every mail.");
    public static final Setting<String> SITE_NAME = define("site_name", "example.com", Settings::nonBlank,
            "Site.name (django.contrib.sites)", "Site name in mails: the subject prefix `[<site_name>] ` and the "
                    + "greeting.");
    public static final Setting<String> SITE_DOMAIN = define("site_domain", "example.com", Settings::nonBlank,
            "Site.domain (django.contrib.sites)", "Domain on the last line of every mail.");
    public static final Setting<Path> EMAIL_TEMPLATES_DIR = define("email_templates_dir", null, Path::of,
            "TEMPLATES DIRS (account/email/)",
            "Directory whose `<name>_subject.txt` / `<name>_message.txt` files replace the bundled mail templates, "
                    + "file by file.");
    public static final Setting<Integer> OUTBOX_POLL_INTERVAL = define("outbox_poll_interval", 1,
            intParser(1, 3600), "-", "Seconds between two looks at the mail outbox for mail that is due.");
    public static final Setting<Integer> OUTBOX_MAX_ATTEMPTS = define("outbox_max_attempts", 20,
            intParser(1, 1000), "-", "Delivery attempts per mail before it is given up (with a log line).");
    public static final Setting<Integer> OUTBOX_BACKOFF_BASE = define("outbox_backoff_base", 10,
            intParser(1, 86_400), "-", "Seconds before the first retry of a failed mail; each retry waits twice as "
                    + "long as the one before.");
    public static final Setting<Integer> OUTBOX_BACKOFF_CAP = define("outbox_backoff_cap", 3600,
            intParser(1, 86_400), "-", "Longest wait between two attempts, in seconds.");

    // --- social login -------------------------------------------------------------------------------------------
    public static final Setting<List<String>> SOCIAL_PROVIDERS = define("social_providers", List.of(),
            Settings::providerIds, "SOCIALACCOUNT_PROVIDERS",
            "Social login providers to offer, by id (lower-case letters and digits), comma-separated; each is "
                    + "configured by its `social.<id>.*` settings and served at `/<id>/` and `/<id>/connect/`.");
    public static final Setting<Integer> SOCIAL_CONNECT_TIMEOUT = define("social_connect_timeout", 5,
            intParser(1, 60), "- (requests' timeout)", "Seconds to wait for a provider to accept a connection.");
    public static final Setting<Integer> SOCIAL_READ_TIMEOUT = define("social_read_timeout", 10,
            intParser(1, 120), "- (requests' timeout)",
            "Seconds to wait for a provider's complete answer to one request; beyond it the login answers 504.");
    public static final Setting<Boolean> SOCIAL_CONNECT_BY_VERIFIED_EMAIL = define("social_connect_by_verified_email",
            false, Settings::bool, "SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT",
            "A first social login whose address the provider asserts as verified joins the existing account that "
                    + "confirmed the same address, instead of answering 400 `User is already registered with this "
                    + "e-mail address.`");

    // --- JWT mode -----------------------------------------------------------------------------------------------
    public static final Setting<Boolean> USE_JWT = define("use_jwt", false, Settings::bool, "REST_AUTH USE_JWT",
            "Login answers a JWT pair (`access`, `refresh`, `user`) instead of `{\"key\"}`; adds `token/verify/` and "
                    + "`token/refresh/`. Needs `jwt` in `authentication_classes`.");
    public static final Setting<String> JWT_AUTH_COOKIE = define("jwt_auth_cookie", null, Settings::cookieName,
            "REST_AUTH JWT_AUTH_COOKIE", "Cookie the access token is also set in (and read from, after the "
                    + "`Authorization` header); none: no access cookie.");
    public static final Setting<String> JWT_AUTH_REFRESH_COOKIE = define("jwt_auth_refresh_cookie", null,
            Settings::cookieName, "REST_AUTH JWT_AUTH_REFRESH_COOKIE",
            "Cookie the refresh token is set in, and read from by `token/refresh/` and logout; none: no cookie.");
    public static final Setting<String> JWT_AUTH_REFRESH_COOKIE_PATH = define("jwt_auth_refresh_cookie_path", "/",
            Settings::cookiePath, "REST_AUTH JWT_AUTH_REFRESH_COOKIE_PATH", "`Path` of the refresh cookie.");
    public static final Setting<Boolean> JWT_AUTH_SECURE = define("jwt_auth_secure", false, Settings::bool,
            "REST_AUTH JWT_AUTH_SECURE", "Mark the JWT cookies `Secure` (set it behind HTTPS).");
    public static final Setting<Boolean> JWT_AUTH_HTTPONLY = define("jwt_auth_httponly", true, Settings::bool,
            "REST_AUTH JWT_AUTH_HTTPONLY", "JWT cookies are `HttpOnly`; the refresh token then travels only in its "
                    + "cookie (login answers `\"refresh\": \"\"`) and logout reads it from there.");
    public static final Setting<String> JWT_AUTH_SAMESITE = define("jwt_auth_samesite", "Lax", Settings::sameSite,
            "REST_AUTH JWT_AUTH_SAMESITE", "`SameSite` of the JWT cookies: `Lax`, `Strict` or `None`.");
    public static final Setting<String> JWT_AUTH_COOKIE_DOMAIN = define("jwt_auth_cookie_domain", null,
            Settings::cookieDomain, "REST_AUTH JWT_AUTH_COOKIE_DOMAIN", "`Domain` of the JWT cookies; none: the "
                    + "host that set them.");
    public static final Setting<Boolean> JWT_AUTH_RETURN_EXPIRATION = define("jwt_auth_return_expiration", false,
            Settings::bool, "REST_AUTH JWT_AUTH_RETURN_EXPIRATION",
            "Login also answers `access_expiration` and `refresh_expiration`.");
    public static final Setting<Boolean> JWT_AUTH_COOKIE_USE_CSRF = define("jwt_auth_cookie_use_csrf", false,
            Settings::bool, "REST_AUTH JWT_AUTH_COOKIE_USE_CSRF", "A request authenticated by the access cookie (or "
                    + "refreshing from the refresh cookie) with an unsafe method needs `X-CSRFToken` equal to the "
                    + "`csrftoken` cookie, which login sets.");
    public static final Setting<Boolean> JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED = define(
            "jwt_auth_cookie_enforce_csrf_on_unauthenticated", false, Settings::bool,
            "REST_AUTH JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED",
            "Every request without an `Authorization` header and with an unsafe method needs the CSRF token, "
                    + "anonymous ones (login) included.");
    public static final Setting<Integer> JWT_ACCESS_TOKEN_LIFETIME = define("jwt_access_token_lifetime", 300,
            intParser(1, Integer.MAX_VALUE), "SIMPLE_JWT ACCESS_TOKEN_LIFETIME", "Seconds an access token lives.");
    public static final Setting<Integer> JWT_REFRESH_TOKEN_LIFETIME = define("jwt_refresh_token_lifetime", 86_400,
            intParser(1, Integer.MAX_VALUE), "SIMPLE_JWT REFRESH_TOKEN_LIFETIME", "Seconds a refresh token lives.");
    public static final Setting<Boolean> JWT_ROTATE_REFRESH_TOKENS = define("jwt_rotate_refresh_tokens", false,
            Settings::bool, "SIMPLE_JWT ROTATE_REFRESH_TOKENS", "`token/refresh/` also issues a new refresh token.");
    public static final Setting<Boolean> JWT_BLACKLIST_AFTER_ROTATION = define("jwt_blacklist_after_rotation",
            false, Settings::bool, "SIMPLE_JWT BLACKLIST_AFTER_ROTATION", "A rotated refresh token is dead; one "
                    + "that comes back revokes every token of its login (reuse detection).");
    public static final Setting<JwtAlgorithm> JWT_ALGORITHM = define("jwt_algorithm", JwtAlgorithm.HS256,
            JwtAlgorithm::parse, "SIMPLE_JWT ALGORITHM", "`HS256`, `HS384`, `HS512` (a shared secret), `RS256`, "
                    + "`RS384`, `RS512`, `ES256`, `ES384`, `ES512` or `EdDSA` (a private key file; public keys at "
                    + "`jwks/`).");
    public static final Setting<String> JWT_SIGNING_KEY = defineSecret("jwt_signing_key", null,
            "SIMPLE_JWT SIGNING_KEY", "HMAC key, at least as many bytes as the hash (32 for HS256). Default: "
                    + "`secret_key`, as simplejwt signs with Django's `SECRET_KEY`.");
    public static final Setting<Path> JWT_SIGNING_KEY_FILE = define("jwt_signing_key_file", null, Path::of,
            "SIMPLE_JWT SIGNING_KEY (a PEM private key)", "PEM file of the private key that signs, for the RSA, "
                    + "ECDSA and EdDSA algorithms (PKCS#8 `PRIVATE KEY`, or `RSA`/`EC PRIVATE KEY`).");
    public static final Setting<List<Path>> JWT_VERIFYING_KEY_FILES = define("jwt_verifying_key_files", List.of(),
            Settings::paths, "SIMPLE_JWT VERIFYING_KEY (several)", "PEM files of further keys (public or private) "
                    + "whose tokens still verify and which `jwks/` publishes: a key being introduced or retired.");
    public static final Setting<String> JWT_AUDIENCE = define("jwt_audience", null, Settings::nonBlank,
            "SIMPLE_JWT AUDIENCE", "`aud` claim of every token, required on every token checked.");
    public static final Setting<String> JWT_ISSUER = define("jwt_issuer", null, Settings::nonBlank,
            "SIMPLE_JWT ISSUER", "`iss` claim of every token, required on every token checked.");
    public static final Setting<Integer> JWT_LEEWAY = define("jwt_leeway", 0, intParser(0, 3600),
            "SIMPLE_JWT LEEWAY", "Seconds of clock skew allowed when checking `exp` and `nbf`.");
    public static final Setting<Boolean> JWT_REVOKE_ON_LOGOUT = define("jwt_revoke_on_logout", true, Settings::bool,
            "- (simplejwt cannot revoke access tokens)", "Logout, a password change or reset and deactivation "
                    + "make the user's earlier access tokens fail; logout also ends every refresh token of its "
                    + "login, a reset every refresh token of the user. Off: the reference's behaviour.");

    // --- second factors and passkeys ----------------------------------------------------------------------------
    public static final Setting<Boolean> MFA_ENABLED = define("mfa_enabled", false, Settings::bool,
            "INSTALLED_APPS dj_rest_auth.mfa + MFALoginView", "Two-factor login: `login/` answers "
                    + "`{\"ephemeral_token\", \"mfa_required\": true}` for a user with TOTP, finished at `mfa/verify/`; "
                    + "adds the `mfa/` endpoints.");
    public static final Setting<Integer> MFA_EPHEMERAL_TOKEN_TIMEOUT = define("mfa_ephemeral_token_timeout", 300,
            intParser(30, 3600), "REST_AUTH MFA_EPHEMERAL_TOKEN_TIMEOUT",
            "Seconds an ephemeral token (and a TOTP activation token) stays valid.");
    public static final Setting<Integer> MFA_TOTP_DIGITS = define("mfa_totp_digits", 6, intParser(6, 8),
            "REST_AUTH MFA_TOTP_DIGITS", "Digits of a TOTP code.");
    public static final Setting<Integer> MFA_TOTP_PERIOD = define("mfa_totp_period", 30, intParser(15, 300),
            "REST_AUTH MFA_TOTP_PERIOD", "Seconds a TOTP code stands for.");
    public static final Setting<String> MFA_TOTP_ISSUER = define("mfa_totp_issuer", "", Function.identity(),
            "REST_AUTH MFA_TOTP_ISSUER", "Issuer shown by authenticator apps (the `otpauth://` URI's label prefix "
                    + "and `issuer`); empty: none.");
    public static final Setting<Integer> MFA_RECOVERY_CODE_COUNT = define("mfa_recovery_code_count", 10,
            intParser(1, 50), "REST_AUTH MFA_RECOVERY_CODE_COUNT", "Recovery codes issued at activation and at "
                    + "each regeneration.");
    public static final Setting<Boolean> MFA_REQUIRED_FOR_SOCIAL = define("mfa_required_for_social", false,
            Settings::bool, "- (allauth: social logins skip the second factor)",
            "Social login also asks a user with TOTP for the second factor (answering an ephemeral token).");
    public static final Setting<Rate> THROTTLE_MFA_FAILED = define("throttle_mfa_failed", Rate.parse("10/h"),
            Rate::parse, "REST_FRAMEWORK DEFAULT_THROTTLE_RATES[\"dj_rest_auth_mfa_verify\"]",
            "Wrong second-factor codes per user from all IPs together (`mfa/verify/`, deactivation, "
                    + "regeneration); reaching it refuses codes until its window ends.");
    public static final Setting<Boolean> PASSKEYS_ENABLED = define("passkeys_enabled", false, Settings::bool,
            "INSTALLED_APPS dj_rest_auth.passkeys", "Passkey (WebAuthn) registration and login under `passkeys/`; "
                    + "needs `passkey_rp_id`, `passkey_rp_name` and `passkey_rp_origins`.");
    public static final Setting<String> PASSKEY_RP_ID = define("passkey_rp_id", null, Settings::nonBlank,
            "REST_AUTH PASSKEY_RP_ID", "The relying party id: the site's domain, e.g. `example.com`.");
    public static final Setting<String> PASSKEY_RP_NAME = define("passkey_rp_name", null, Settings::nonBlank,
            "REST_AUTH PASSKEY_RP_NAME", "The site's name as authenticators show it.");
    public static final Setting<List<String>> PASSKEY_RP_ORIGINS = define("passkey_rp_origins", List.of(),
            Settings::origins, "REST_AUTH PASSKEY_RP_ORIGINS", "Origins the front end runs at, comma-separated, "
                    + "e.g. `https://example.com`; a ceremony from any other origin is refused.");
    public static final Setting<Integer> PASSKEY_CHALLENGE_TIMEOUT = define("passkey_challenge_timeout", 300,
            intParser(30, 3600), "REST_AUTH PASSKEY_CHALLENGE_TIMEOUT",
            "Seconds a registration or login challenge stays valid (the options' `timeout`, in ms).");
    public static final Setting<Boolean> PASSKEY_REQUIRE_USER_VERIFICATION = define(
            "passkey_require_user_verification", true, Settings::bool,
            "- (dj-rest-jwt PASSKEY_REQUIRE_USER_VERIFICATION)", "Options ask for `\"userVerification\": "
                    + "\"required\"` and assertions without user verification (PIN, biometrics) are refused, so a "
                    + "passkey login is two factors. Off: `preferred`, as the reference.");

    // --- account self-service ------------------------------------------------------------------------------------
    public static final Setting<Integer> AUDIT_RETENTION_DAYS = define("audit_retention_days", 365,
            intParser(1, 36_500), "- (restauth's own)", "Days the security log keeps an event; older ones are "
                    + "deleted by the background sweep.");
    public static final Setting<Integer> REAUTHENTICATION_TIMEOUT = define("reauthentication_timeout", 300,
            intParser(10, 86_400), "ACCOUNT_REAUTHENTICATION_TIMEOUT", "Seconds a `reauthenticate/` counts for: "
                    + "changing e-mail addresses and ending other sessions need one this recent.");
    public static final Setting<Boolean> EMAIL_CHANGE = define("email_change", false, Settings::bool,
            "ACCOUNT_CHANGE_EMAIL", "`emails/` keeps at most one address waiting for confirmation, which replaces "
                    + "the primary address once confirmed (the others are removed).");
    public static final Setting<Boolean> SECURITY_NOTICES = define("security_notices", false, Settings::bool,
            "ACCOUNT_EMAIL_NOTIFICATIONS", "Mail the owner when the password is changed or reset, an address is "
                    + "added, and (at the old address) when the primary address changes.");
    public static final Setting<Integer> TOKEN_IDLE_TIMEOUT = define("token_idle_timeout", 0,
            intParser(0, Integer.MAX_VALUE), "- (DRF tokens never expire)", "Seconds a token may go unused before it "
                    + "answers `Invalid token.`; 0: never (its last use is known to the minute).");
    public static final Setting<Integer> TOKEN_MAX_AGE = define("token_max_age", 0,
            intParser(0, Integer.MAX_VALUE), "- (DRF tokens never expire)", "Seconds after which a token answers "
                    + "`Invalid token.` however much it is used; 0: never.");
    public static final Setting<Boolean> TOKEN_PER_DEVICE = define("token_per_device", false, Settings::bool,
            "- (DRF: one token per user)", "Each login gets a token of its own, listed and ended apart, and logout "
                    + "ends only the token it came with. Off: every login of a user gets the same key, as DRF.");
    public static final Setting<Integer> SESSION_IDLE_TIMEOUT = define("session_idle_timeout", 0,
            intParser(0, Integer.MAX_VALUE), "- (SESSION_SAVE_EVERY_REQUEST sliding expiry)", "Seconds a session may "
                    + "go unused before it ends; 0: never (its absolute lifetime is `session_cookie_age`).");

    // --- customisation ------------------------------------------------------------------------------------------
    public static final Setting<Path> SERIALIZERS_FILE = define("serializers_file", null, Path::of,
            "REST_AUTH *_SERIALIZER",
            "Properties file overriding entries of the serializer registry, e.g. `USER_DETAILS_SERIALIZER=com.example.MyUser`.");

    // --- operations ---------------------------------------------------------------------------------------------
    public static final Setting<Integer> HEALTH_OUTBOX_BACKLOG = define("health_outbox_backlog", 1000,
            intParser(0, Integer.MAX_VALUE), "-", "Mails waiting in the outbox beyond which `<mount>/health/` answers "
                    + "503 (0: the backlog never makes it fail).");
    public static final Setting<Boolean> METRICS = define("metrics", true, Settings::bool, "-",
            "Prometheus metrics at `/metrics` on the standalone server.");
    public static final Setting<LogFormat> LOG_FORMAT = define("log_format", LogFormat.TEXT,
            enumParser(LogFormat.class), "LOGGING", "`text`: one line per event, for people; `json`: one JSON "
                    + "object per line (`time`, `level`, `logger`, `message`, `thread`, `error`), for log shippers.");

    private static final Map<String, Setting<?>> BY_KEY = index();

    private final Map<Setting<?>, Object> values;
    private final SocialApps socialValues;
    private final List<SocialApp> socialApps;

    private Settings(Map<Setting<?>, Object> values, SocialApps socialValues) {
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
        this.socialValues = socialValues.copy();
        this.socialApps = socialValues.build(get(SOCIAL_PROVIDERS));
        checkJwt();
        checkPasskeys();
    }

    /** With passkeys on, the relying party must be named whole: a passkey is bound to it for good. */
    private void checkPasskeys() {
        if (!get(PASSKEYS_ENABLED)) {
            return;
        }
        for (Setting<?> required : List.of(PASSKEY_RP_ID, PASSKEY_RP_NAME, PASSKEY_RP_ORIGINS)) {
            Object value = get(required);
            if (value == null || value instanceof List && ((List<?>) value).isEmpty()) {
                throw new SettingsException("setting '" + required.key() + "' is required when passkeys_enabled "
                        + "is on (passkey_rp_id, passkey_rp_name and passkey_rp_origins name the site passkeys are "
                        + "bound to)");
            }
        }
    }

    /**
     * The JWT settings that must agree with each other, checked without reading any file (the key files are read
     * when restauth starts).
     */
    private void checkJwt() {
        boolean listed = get(AUTHENTICATION_CLASSES).contains("jwt");
        if (get(USE_JWT) != listed) {
            throw new SettingsException(get(USE_JWT)
                    ? "setting 'authentication_classes' must include jwt when use_jwt is on, or the tokens login "
                            + "hands out would authenticate nothing (e.g. authentication_classes=jwt,session)"
                    : "setting 'authentication_classes' lists jwt, which needs use_jwt=true");
        }
        if (!listed) {
            return;
        }
        JwtAlgorithm algorithm = get(JWT_ALGORITHM);
        if (algorithm.symmetric()) {
            if (get(JWT_SIGNING_KEY_FILE) != null || !get(JWT_VERIFYING_KEY_FILES).isEmpty()) {
                throw new SettingsException("setting 'jwt_signing_key_file': key files are for the RSA, ECDSA and "
                        + "EdDSA algorithms; " + algorithm.jwsName() + " is keyed by jwt_signing_key");
            }
            String key = get(JWT_SIGNING_KEY);
            if (key != null && key.getBytes(StandardCharsets.UTF_8).length
                    < algorithm.minimumKeyBytes()) {
                throw new SettingsException("setting 'jwt_signing_key' must be at least " + algorithm.minimumKeyBytes()
                        + " bytes long for " + algorithm.jwsName());
            }
        } else {
            if (get(JWT_SIGNING_KEY_FILE) == null) {
                throw new SettingsException("setting 'jwt_signing_key_file' is required with jwt_algorithm "
                        + algorithm.jwsName() + ": the PEM file of the private key that signs");
            }
            if (get(JWT_SIGNING_KEY) != null) {
                throw new SettingsException("setting 'jwt_signing_key' is the HMAC key; " + algorithm.jwsName()
                        + " signs with jwt_signing_key_file");
            }
        }
        String access = get(JWT_AUTH_COOKIE);
        if (access != null && access.equals(get(JWT_AUTH_REFRESH_COOKIE))) {
            throw new SettingsException("setting 'jwt_auth_refresh_cookie' must differ from jwt_auth_cookie");
        }
    }

    /** Every setting, in declaration order. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** A builder starting from the built-in defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The built-in defaults, untouched by any file or environment. */
    public static Settings defaults() {
        return builder().build();
    }

    /** The value of a setting; null only for settings without a default that nobody set. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /** Whether the standalone server serves the demo page: {@code demo} when set, else true in dev mode only. */
    public boolean demoEnabled() {
        Boolean demo = get(DEMO);
        return demo != null ? demo : get(MODE) == Mode.DEV;
    }

    /**
     * The social login providers, in {@code social_providers} order, each checked as a whole: its client id (and
     * whatever else its type needs) is set, and no key was given that its type does not use.
     */
    public List<SocialApp> socialApps() {
        return socialApps;
    }

    /** A copy with some values replaced (raw strings, parsed like any other source). */
    public Settings with(Map<String, String> overrides) {
        Builder builder = new Builder();
        builder.values.putAll(values);
        builder.social = socialValues.copy();
        overrides.forEach(builder::set);
        return builder.build();
    }

    /** The settings as {@code key=value} lines with secrets masked: safe to log. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "Settings{", "}");
        for (Setting<?> setting : ALL) {
            Object value = values.get(setting);
            String shown = value == null ? "(unset)" : setting.secret() ? "********" : String.valueOf(value);
            out.add(setting.key() + "=" + shown);
        }
        socialValues.describe(out);
        return out.toString();
    }

    /** Collects values; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final Map<Setting<?>, Object> values = new HashMap<>();
        private SocialApps social = new SocialApps();

        private Builder() {
            for (Setting<?> setting : ALL) {
                values.put(setting, setting.defaultValue());
            }
        }

        /**
         * Sets a value from its raw text; {@code social.<id>.<key>} sets a social provider's key.
         *
         * @throws SettingsException for an unknown key or a value that does not parse
         */
        public Builder set(String key, String raw) {
            if (SocialApps.isSocialKey(key)) {
                social.set(key, raw);
                return this;
            }
            Setting<?> setting = BY_KEY.get(key);
            if (setting == null) {
                throw new SettingsException("unknown setting '" + key + "'" + suggestion(key));
            }
            values.put(setting, raw == null ? setting.defaultValue() : setting.parse(raw));
            return this;
        }

        /** Sets a typed value. */
        public <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, value);
            return this;
        }

        /**
         * @throws SettingsException when the social providers' settings do not fit together (see
         *                           {@link Settings#socialApps()})
         */
        public Settings build() {
            return new Settings(values, social);
        }
    }

    static Setting<?> byKey(String key) {
        return BY_KEY.get(key);
    }

    /**
     * The key an environment variable names, from its name without {@code RESTAUTH_}, lower-cased:
     * {@code session_login} stays so, {@code social_keycloak_client_id} is {@code social.keycloak.client_id}.
     */
    static String keyOfEnvironmentName(String lowerCaseName) {
        if (BY_KEY.containsKey(lowerCaseName)) {
            return lowerCaseName;
        }
        String social = SocialApps.fromEnvironmentName(lowerCaseName);
        return social != null ? social : lowerCaseName;
    }

    private static String suggestion(String key) {
        String normalised = key.toLowerCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        Setting<?> close = BY_KEY.get(normalised);
        return close == null ? "" : " (did you mean '" + close.key() + "'?)";
    }

    private static <T> Setting<T> define(String key, T defaultValue, Function<String, T> parser, String django,
                                         String description) {
        Setting<T> setting = new Setting<>(key, defaultValue, parser, django, description, false);
        ALL.add(setting);
        return setting;
    }

    private static Setting<String> defineSecret(String key, String defaultValue, String django, String description) {
        Setting<String> setting = new Setting<>(key, defaultValue, Function.identity(), django, description, true);
        ALL.add(setting);
        return setting;
    }

    private static Map<String, Setting<?>> index() {
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            if (byKey.put(setting.key(), setting) != null) {
                throw new IllegalStateException("setting '" + setting.key() + "' is defined twice");
            }
        }
        return byKey;
    }

    // --- parsers ------------------------------------------------------------------------------------------------

    static boolean bool(String raw) {
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw new IllegalArgumentException("expected true or false");
        }
    }

    static String nonBlank(String raw) {
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return raw;
    }

    /** {@code social_providers}: ids that are URL segments and key parts, each once. */
    static List<String> providerIds(String raw) {
        List<String> ids = listParser(null).apply(raw);
        for (String id : ids) {
            if (!SocialKey.PROVIDER_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("'" + id + "' is not a provider id (lower-case letters and "
                        + "digits, starting with a letter)");
            }
            if (ids.indexOf(id) != ids.lastIndexOf(id)) {
                throw new IllegalArgumentException("'" + id + "' is listed twice");
            }
        }
        return ids;
    }

    /** A cookie name: an RFC 6265 token (no separators, spaces or controls). */
    static String cookieName(String raw) {
        String separators = "()<>@,;:\\\"/[]?={}";
        if (raw.isEmpty() || !raw.chars().allMatch(c -> c > 0x20 && c < 0x7f && separators.indexOf(c) < 0)) {
            throw new IllegalArgumentException("not a cookie name");
        }
        return raw;
    }

    /** A cookie's {@code Path}: an absolute path without {@code ;} or controls. */
    static String cookiePath(String raw) {
        if (!raw.startsWith("/") || !raw.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';')) {
            throw new IllegalArgumentException("must be a path starting with '/'");
        }
        return raw;
    }

    /** A cookie's {@code Domain}: a host name. */
    static String cookieDomain(String raw) {
        if (raw.isEmpty() || !raw.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
            throw new IllegalArgumentException("not a domain name");
        }
        return raw;
    }

    /** {@code SameSite}: {@code Lax}, {@code Strict} or {@code None}, in any letter case, written as Django does. */
    static String sameSite(String raw) {
        for (String value : List.of("Lax", "Strict", "None")) {
            if (value.equalsIgnoreCase(raw)) {
                return value;
            }
        }
        throw new IllegalArgumentException("expected Lax, Strict or None");
    }

    /** WebAuthn origins: {@code scheme://host[:port]}, without a path. */
    static List<String> origins(String raw) {
        List<String> origins = listParser(null).apply(raw);
        for (String origin : origins) {
            if (!origin.matches("(?i)https?://[^/\\s?#]+")) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin like https://example.com");
            }
        }
        return origins;
    }

    /** Comma-separated file paths. */
    static List<Path> paths(String raw) {
        List<Path> paths = new ArrayList<>();
        for (String item : listParser(null).apply(raw)) {
            paths.add(Path.of(item));
        }
        return List.copyOf(paths);
    }

    static String prefix(String raw) {
        String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        if (!trimmed.isEmpty() && !trimmed.startsWith("/")) {
            throw new IllegalArgumentException("must start with '/'");
        }
        if (trimmed.contains("*") || trimmed.contains("//")) {
            throw new IllegalArgumentException("must be a plain path like /rest-auth");
        }
        return trimmed;
    }

    /**
     * A mail link template that must contain every one of {@code placeholders}: a path ({@code /...}, or
     * {@code {api}/...} below restauth's own mount point) or an http(s) URL.
     */
    static Function<String, String> linkTemplate(String... placeholders) {
        return raw -> {
            for (String placeholder : placeholders) {
                if (!raw.contains(placeholder)) {
                    throw new IllegalArgumentException("must contain " + String.join(" and ", placeholders));
                }
            }
            if (!raw.startsWith("/") && !raw.startsWith("{api}/") && !raw.startsWith("http://")
                    && !raw.startsWith("https://")) {
                throw new IllegalArgumentException("must be a path starting with '/' or an http(s) URL");
            }
            return raw;
        };
    }

    /** ALLOWED_HOSTS entries, lower-cased: host names, IP addresses, {@code [v6]}, {@code .domain} or {@code *}. */
    static List<String> hostPatterns(String raw) {
        List<String> patterns = new ArrayList<>();
        for (String item : listParser(null).apply(raw)) {
            String pattern = item.toLowerCase(Locale.ROOT);
            if (pattern.contains("/") || pattern.contains("@") || pattern.contains(" ")) {
                throw new IllegalArgumentException("'" + item + "' is not a host name");
            }
            patterns.add(pattern);
        }
        return List.copyOf(patterns);
    }

    static Function<String, Integer> intParser(int min, int max) {
        return raw -> {
            int value;
            try {
                value = Integer.parseInt(raw.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("expected a number from " + min + " to " + max);
            }
            return value;
        };
    }

    static <E extends Enum<E>> Function<String, E> enumParser(Class<E> type) {
        return raw -> {
            try {
                return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                StringJoiner names = new StringJoiner(", ");
                for (E constant : type.getEnumConstants()) {
                    names.add(constant.name().toLowerCase(Locale.ROOT));
                }
                throw new IllegalArgumentException("expected one of " + names);
            }
        };
    }

    /** Comma-separated list; when {@code allowed} is given, every entry must be one of them, each at most once. */
    static Function<String, List<String>> listParser(List<String> allowed) {
        return raw -> {
            List<String> items = new ArrayList<>();
            for (String item : raw.split(",")) {
                String trimmed = item.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (allowed != null && !allowed.contains(trimmed)) {
                    throw new IllegalArgumentException("'" + trimmed + "' is not one of " + allowed);
                }
                if (allowed != null && items.contains(trimmed)) {
                    throw new IllegalArgumentException("'" + trimmed + "' is listed twice");
                }
                items.add(trimmed);
            }
            return List.copyOf(items);
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Settings && ((Settings) other).values.equals(values)
                && ((Settings) other).socialValues.equals(socialValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, socialValues);
    }
}
