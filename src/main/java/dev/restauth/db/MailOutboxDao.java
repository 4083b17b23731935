package dev.restauth.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code restauth_mail_outbox}: mail waiting to be delivered, and what became of it. Claiming is one conditional
 * UPDATE, so of several nodes racing for a row exactly one changes it; every later step names the claim it holds,
 * so a node whose claim lapsed cannot overwrite the outcome of the node that took over. Reached through a
 * {@link Transaction}; not thread-safe.
 */
public final class MailOutboxDao {
    /** Rows a sender looks at per query. */
    public static final int BATCH = 50;

    private static final String INSERT = "INSERT INTO restauth_mail_outbox "
            + "(recipient, subject, body, created, attempts, next_attempt) VALUES (?, ?, ?, ?, 0, ?)";
    private static final String DUE = "SELECT id FROM restauth_mail_outbox "
            + "WHERE next_attempt <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
            + "ORDER BY next_attempt, id LIMIT " + BATCH;
    private static final String CLAIM = "UPDATE restauth_mail_outbox SET claim = ?, claimed_until = ? "
            + "WHERE id = ? AND next_attempt <= ? AND (claimed_until IS NULL OR claimed_until < ?)";
    private static final String CLAIMED = "SELECT id, recipient, subject, body, attempts FROM restauth_mail_outbox "
            + "WHERE id = ? AND claim = ?";
    private static final String MARK_SENT = "UPDATE restauth_mail_outbox SET sent = ?, attempts = attempts + 1, "
            + "next_attempt = NULL, claim = NULL, claimed_until = NULL, body = '', last_error = NULL "
            + "WHERE id = ? AND claim = ?";
    private static final String RETRY_LATER = "UPDATE restauth_mail_outbox SET attempts = attempts + 1, "
            + "next_attempt = ?, claim = NULL, claimed_until = NULL, last_error = ? WHERE id = ? AND claim = ?";
    private static final String GIVE_UP = "UPDATE restauth_mail_outbox SET given_up = ?, attempts = attempts + 1, "
            + "next_attempt = NULL, claim = NULL, claimed_until = NULL, body = '', last_error = ? "
            + "WHERE id = ? AND claim = ?";
    private static final String DELETE_CLAIMED = "DELETE FROM restauth_mail_outbox WHERE id = ? AND claim = ?";
    private static final String ENTRY_COLUMNS = "id, recipient, subject, attempts, created, next_attempt, sent, "
            + "given_up, last_error";
    private static final String BY_ID = "SELECT " + ENTRY_COLUMNS + " FROM restauth_mail_outbox WHERE id = ?";
    private static final String ALL = "SELECT " + ENTRY_COLUMNS + " FROM restauth_mail_outbox ORDER BY id";
    private static final String BACKLOG = "SELECT COUNT(*), MIN(created) FROM restauth_mail_outbox "
            + "WHERE next_attempt IS NOT NULL";
    private static final int ERROR_LENGTH = 1000;

    private final Connection connection;

    MailOutboxDao(Connection connection) {
        this.connection = connection;
    }

    /** A claimed mail, ready to send. */
    public record Claimed(long id, String recipient, String subject, String body, int attempts) {
        @Override
        public String toString() {
            return "Claimed{id=" + id + ", attempts=" + attempts + "}";
        }
    }

    /** What the outbox knows about a mail, without its body. */
    public record Entry(long id, String recipient, String subject, int attempts, Instant created,
                        Instant nextAttempt, Instant sent, Instant givenUp, String lastError) {
    }

    /** Queues a mail, due at once; returns its id. */
    public long insert(String recipient, String subject, String body, Instant now) {
        return Jdbc.insert(connection, INSERT, recipient, subject, body, now, now);
    }

    /** Ids of up to {@link #BATCH} mails due by {@code now} that nobody holds, the longest waiting first. */
    public List<Long> due(Instant now) {
        return Jdbc.list(connection, DUE, row -> row.getLong(1), now, now);
    }

    /**
     * Takes a due mail for the holder of {@code claim} until {@code until}. Of concurrent callers on any node, at
     * most one gets the mail: the UPDATE's condition is re-checked against the row as the winner left it.
     *
     * @return the mail, or empty when it is no longer due or someone else holds it
     */
    public Optional<Claimed> claim(long id, String claim, Instant now, Instant until) {
        if (Jdbc.update(connection, CLAIM, claim, until, id, now, now) != 1) {
            return Optional.empty();
        }
        return Jdbc.one(connection, CLAIMED, row -> new Claimed(row.getLong("id"), row.getString("recipient"),
                row.getString("subject"), row.getString("body"), row.getInt("attempts")), id, claim);
    }

    /** Records a delivery and blanks the body; false when the claim had lapsed and was taken over. */
    public boolean markSent(long id, String claim, Instant now) {
        return Jdbc.update(connection, MARK_SENT, now, id, claim) == 1;
    }

    /** Removes a claimed entry whose work is done (a job); false when the claim had lapsed and was taken over. */
    public boolean deleteClaimed(long id, String claim) {
        return Jdbc.update(connection, DELETE_CLAIMED, id, claim) == 1;
    }

    /** Records a failed attempt and when to try again. */
    public boolean retryLater(long id, String claim, Instant next, String error) {
        return Jdbc.update(connection, RETRY_LATER, next, truncate(error), id, claim) == 1;
    }

    /** Records the last failed attempt of a mail that will not be tried again, and blanks its body. */
    public boolean giveUp(long id, String claim, Instant now, String error) {
        return Jdbc.update(connection, GIVE_UP, now, truncate(error), id, claim) == 1;
    }

    public Optional<Entry> find(long id) {
        return Jdbc.one(connection, BY_ID, MailOutboxDao::entry, id);
    }

    /** Every mail the outbox has seen, oldest first. */
    public List<Entry> all() {
        return Jdbc.list(connection, ALL, MailOutboxDao::entry);
    }

    /** The mails waiting for delivery (sent or given up ones have no next attempt) and the oldest one's time. */
    public record Backlog(long waiting, Instant oldest) {
    }

    /** What waits for delivery now. */
    public Backlog backlog() {
        return Jdbc.one(connection, BACKLOG, row -> new Backlog(row.getLong(1), Jdbc.instant(row, 2)))
                .orElse(new Backlog(0, null));
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(row.getLong("id"), row.getString("recipient"), row.getString("subject"),
                row.getInt("attempts"), Jdbc.instant(row, "created"), Jdbc.instant(row, "next_attempt"),
                Jdbc.instant(row, "sent"), Jdbc.instant(row, "given_up"), row.getString("last_error"));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
