package dev.restauth.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * The handle a use case works through while {@link Database} holds a connection for it: one DAO per table, all on
 * that connection, so everything done through one handle commits or rolls back together. The connection itself never
 * leaves this package. Valid only inside the callback it was passed to; confined to that callback's thread.
 */
public final class Transaction {
    private final Connection connection;
    private final Dialect dialect;

    Transaction(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The database's dialect, for the lengths its columns count ({@link Dialect#length}). */
    public Dialect dialect() {
        return dialect;
    }

    /** {@code restauth_user}. */
    public UserDao users() {
        return new UserDao(connection);
    }

    /** {@code restauth_email_address}. */
    public EmailAddressDao emailAddresses() {
        return new EmailAddressDao(connection);
    }

    /** {@code restauth_token}. */
    public TokenDao tokens() {
        return new TokenDao(connection);
    }

    /** {@code restauth_device_token}: one token per login, with {@code token_per_device}. */
    public DeviceTokenDao deviceTokens() {
        return new DeviceTokenDao(connection);
    }

    /** {@code restauth_session}. */
    public SessionDao sessions() {
        return new SessionDao(connection);
    }

    /** {@code restauth_social_account}. */
    public SocialAccountDao socialAccounts() {
        return new SocialAccountDao(connection);
    }

    /** {@code restauth_throttle}. */
    public ThrottleDao throttle() {
        return new ThrottleDao(connection, dialect);
    }

    /** {@code restauth_refresh_family}: JWT mode's logins. */
    public RefreshFamilyDao refreshFamilies() {
        return new RefreshFamilyDao(connection);
    }

    /** {@code restauth_refresh_token}: JWT mode's refresh tokens. */
    public RefreshTokenDao refreshTokens() {
        return new RefreshTokenDao(connection);
    }

    /** {@code restauth_totp}: TOTP authenticators. */
    public TotpDao totp() {
        return new TotpDao(connection);
    }

    /** {@code restauth_recovery_code}. */
    public RecoveryCodeDao recoveryCodes() {
        return new RecoveryCodeDao(connection);
    }

    /** {@code restauth_mfa_challenge}: second-factor and passkey ceremonies between their two steps. */
    public MfaChallengeDao mfaChallenges() {
        return new MfaChallengeDao(connection);
    }

    /** {@code restauth_passkey}: WebAuthn credentials. */
    public PasskeyDao passkeys() {
        return new PasskeyDao(connection);
    }

    /**
     * Bulk writes of users taken over from another system (a Django site's); close it (try-with-resources) before
     * the transaction ends.
     */
    public ImportDao imports() {
        return new ImportDao(connection, dialect);
    }

    /** {@code restauth_mail_outbox}. */
    public MailOutboxDao outbox() {
        return new MailOutboxDao(connection);
    }

    /** {@code restauth_audit_event}: the security log. */
    public AuditEventDao auditEvents() {
        return new AuditEventDao(connection);
    }

    /** {@code restauth_reauthentication}: credentials re-authenticated recently. */
    public ReauthenticationDao reauthentications() {
        return new ReauthenticationDao(connection);
    }

    /**
     * Runs {@code work} as a unit inside this transaction: when it throws, what it wrote is undone (a savepoint) and
     * the exception goes on, while the transaction stays usable for what follows. Only inside
     * {@link Database#inTransaction}: an auto-commit read has nothing to undo.
     */
    public <T> T nested(Supplier<T> work) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw DataAccessException.translate("(savepoint)", e);
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw DataAccessException.translate("(release savepoint)", e);
        }
        return result;
    }

    Connection connection() {
        return connection;
    }
}
