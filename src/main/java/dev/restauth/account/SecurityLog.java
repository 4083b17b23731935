package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.db.Transaction;

import java.time.Clock;
import java.util.Locale;

/**
 * Writes the security log ({@code restauth_audit_event}): every authentication event of an account, with the time,
 * the account, the client's IP and user agent, and the outcome. A change is recorded in the transaction that makes
 * it, so a committed change always has its row and a change rolled back has none. A refused attempt (a wrong
 * password, a throttled login) changes nothing and is recorded in a transaction of its own. Never a secret: callers
 * pass no password, token, code or session id, and no login as typed. Thread-safe.
 */
public final class SecurityLog {
    /** The longest detail kept (the column's width). */
    private static final int DETAIL_LENGTH = 255;
    /** The longest IP address kept (the column's width). */
    private static final int IP_LENGTH = 64;

    private final Database database;
    private final Clock clock;

    SecurityLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What happened; its wire name is the constant's name in lower case. */
    public enum Event {
        LOGIN, LOGOUT, PASSWORD_CHANGE, PASSWORD_RESET, EMAIL_ADDED, EMAIL_REMOVED, EMAIL_CONFIRMED, EMAIL_PRIMARY,
        SOCIAL_CONNECT, SOCIAL_DISCONNECT, REAUTHENTICATE, SESSIONS_ENDED,
        /** The account was deactivated ({@link DeactivateUser}, by an embedding application or a tool). */
        DEACTIVATE,
        TOTP_ACTIVATED, TOTP_DEACTIVATED, RECOVERY_CODES_REGENERATED, PASSKEY_ADDED, PASSKEY_REMOVED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How it ended; its wire name is the constant's name in lower case. */
    public enum Outcome {
        /** Done. */
        OK,
        /** A credential was refused. */
        FAILED,
        /** A rate limit refused the attempt before any credential was checked. */
        THROTTLED,
        /** The lockout of the login (failures from every IP together) refused the attempt. */
        LOCKED,
        /** The credentials were right but the address is not confirmed, so nothing was issued. */
        UNVERIFIED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Records an event in the caller's transaction.
     *
     * @param userId the account, or null when the attempt named no known account
     * @param client where the request came from; null for a change made without a request (a tool)
     * @param detail what the event was about (an address, a provider), never a secret; null for none
     */
    void record(Transaction tx, Long userId, Event event, Outcome outcome, Client client, String detail) {
        String ip = client == null ? "" : cut(client.address(), IP_LENGTH);
        String agent = client == null ? "" : client.userAgent();
        tx.auditEvents().insert(userId, event.wireName(), outcome.wireName(), ip, agent,
                detail == null ? "" : cut(detail, DETAIL_LENGTH), clock.instant());
    }

    /** Records a refused attempt in a transaction of its own (the attempt changed nothing to record it with). */
    void recordRefusal(Long userId, Event event, Outcome outcome, Client client, String detail) {
        database.useTransaction(tx -> record(tx, userId, event, outcome, client, detail));
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }
}
