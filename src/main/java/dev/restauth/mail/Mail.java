package dev.restauth.mail;

import java.util.Objects;

/**
 * One plain-text mail to one recipient. The From address is not part of it: every mail is sent from
 * {@code default_from_email}. Immutable.
 *
 * @param to      the recipient's address, as stored for the account (never as typed in a request)
 * @param subject one line, already prefixed with the site name
 * @param body    the text; may hold reset links and keys, so it is never logged
 */
public record Mail(String to, String subject, String body) {
    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** Leaves the body out: it carries secrets. */
    @Override
    public String toString() {
        return "Mail{to=" + to + ", subject=" + subject + "}";
    }
}
