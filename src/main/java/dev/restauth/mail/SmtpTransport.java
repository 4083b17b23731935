package dev.restauth.mail;

import dev.restauth.config.EmailSecurity;
import dev.restauth.config.Settings;
import dev.restauth.config.SettingsException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends mail over SMTP with jakarta.mail (Angus): one connection per mail, plain, STARTTLS (required, not merely
 * attempted) or TLS from the start, with authentication when a user is set. Each mail is a single
 * {@code text/plain; charset=utf-8} part, as Django sends allauth's mails. Every connect, read and write is
 * bounded by the configured timeouts, so a hung server cannot hold a sender thread for long. Thread-safe.
 */
public final class SmtpTransport implements MailTransport {
    private final Session session;
    private final InternetAddress from;
    private final String user;
    private final String password;
    private final Clock clock;

    /** @throws SettingsException when {@code default_from_email} is not an address */
    public SmtpTransport(Settings settings, Clock clock) {
        this.from = fromAddress(settings.get(Settings.DEFAULT_FROM_EMAIL));
        this.user = settings.get(Settings.EMAIL_HOST_USER);
        this.password = settings.get(Settings.EMAIL_HOST_PASSWORD);
        this.clock = clock;
        this.session = Session.getInstance(properties(settings, from));
    }

    @Override
    public void send(Mail mail) throws MailDeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "utf-8");
            message.setText(mail.body(), "utf-8");
            message.setSentDate(Date.from(clock.instant()));
            if (user.isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, user, password);
            }
        } catch (MessagingException e) {
            // jakarta.mail's messages name the server, the reply and the addresses, never the body.
            throw new MailDeliveryException("SMTP delivery failed: " + e.getMessage(), e);
        }
    }

    /** {@code webmaster@localhost} or {@code Name <address>}, as Django's DEFAULT_FROM_EMAIL allows. */
    private static InternetAddress fromAddress(String value) {
        try {
            return new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new SettingsException("setting 'default_from_email': '" + value + "' is not a mail address");
        }
    }

    private static Properties properties(Settings settings, InternetAddress from) {
        EmailSecurity security = settings.get(Settings.EMAIL_SECURITY);
        String connectMillis = Long.toString(settings.get(Settings.EMAIL_CONNECT_TIMEOUT) * 1000L);
        String readMillis = Long.toString(settings.get(Settings.EMAIL_READ_TIMEOUT) * 1000L);
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.get(Settings.EMAIL_HOST));
        properties.setProperty("mail.smtp.port", Integer.toString(settings.get(Settings.EMAIL_PORT)));
        properties.setProperty("mail.smtp.connectiontimeout", connectMillis);
        properties.setProperty("mail.smtp.timeout", readMillis);
        properties.setProperty("mail.smtp.writetimeout", readMillis);
        // The envelope sender (MAIL FROM) is the bare address, without the display name.
        properties.setProperty("mail.smtp.from", from.getAddress());
        properties.setProperty("mail.smtp.auth", Boolean.toString(!settings.get(Settings.EMAIL_HOST_USER).isEmpty()));
        if (security == EmailSecurity.STARTTLS) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        if (security == EmailSecurity.SSL) {
            properties.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (security != EmailSecurity.NONE) {
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
