package dev.restauth.mail;

/**
 * Hands a mail to the world: {@link SmtpTransport}, {@link ConsoleTransport}, or one of an embedding application's
 * own. Called by the {@link OutboxSender} only, possibly from several threads at once, so implementations are
 * thread-safe. The From address is the transport's to choose (restauth's come from {@code default_from_email}).
 */
@FunctionalInterface
public interface MailTransport {
    /**
     * Delivers a mail, or fails; a failed mail is tried again later by the outbox.
     *
     * @throws MailDeliveryException when the mail was not accepted (server unreachable, refused, timed out)
     */
    void send(Mail mail) throws MailDeliveryException;
}
