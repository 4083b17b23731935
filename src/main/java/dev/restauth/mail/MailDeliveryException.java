package dev.restauth.mail;

/** A mail that could not be handed over. The message names the cause, never the mail's body. */
public class MailDeliveryException extends Exception {
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
