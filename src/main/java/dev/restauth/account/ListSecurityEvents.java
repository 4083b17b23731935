package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.error.ApiException;
import dev.restauth.text.Messages;
import dev.restauth.user.SecurityEvent;

import java.util.List;

/**
 * The user's own security log ({@code GET /security-log/}), newest first, one page at a time as DRF's
 * {@code PageNumberPagination} pages a list. Reads only. Thread-safe.
 */
public final class ListSecurityEvents {
    /** Events per page. */
    public static final int PAGE_SIZE = 50;

    private final Database database;

    ListSecurityEvents(Database database) {
        this.database = database;
    }

    /**
     * One page of the log.
     *
     * @param count  how many events the user has in all
     * @param page   the page's number, from 1
     * @param events the page's events, newest first
     */
    public record Page(long count, int page, List<SecurityEvent> events) {
        public boolean hasNext() {
            return (long) page * PAGE_SIZE < count;
        }

        public boolean hasPrevious() {
            return page > 1;
        }
    }

    /**
     * @param page the page asked for, from 1; page 1 of an empty log is an empty page
     * @throws ApiException 404 "Invalid page." for a page past the last, as DRF
     */
    public Page run(long userId, int page) {
        return database.inTransaction(tx -> {
            long count = tx.auditEvents().countByUser(userId);
            if (page < 1 || (page > 1 && (long) (page - 1) * PAGE_SIZE >= count)) {
                throw ApiException.notFound(Messages.get("pagination.invalid_page"));
            }
            return new Page(count, page, tx.auditEvents().pageByUser(userId, PAGE_SIZE,
                    (long) (page - 1) * PAGE_SIZE));
        });
    }
}
