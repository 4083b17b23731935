package dev.restauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.OidcServer;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo page in a real headless Chromium against a real restauth, with its mail going to a real SMTP server:
 * whatever the page shows comes from restauth's API through the browser's own fetch, cookies and CSRF header.
 */
class DemoPageBrowserTest {
    private static final String PASSWORD = "Tr0ub4dor&3-demo";
    private static final String NEW_PASSWORD = "C0rrect-H0rse-Battery";

    @TempDir
    static Path profile;
    private static Chromium browser;
    private Smtp smtp;
    private TestServer server;
    private String root;

    /** One browser for the class (it takes seconds to start); each test gets its own server and no cookies. */
    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void start() {
        smtp = Smtp.start();
        server = TestServer.builder().mailTo(smtp.port()).setting("demo", "true").start();
        root = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        browser.forgetCookies();
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void aVisitorRegistersConfirmsLogsInEditsTheUserChangesThePasswordAndLogsOut() {
        browser.open(root + "/");
        browser.awaitText("status", "Not logged in.");

        browser.type("register-username", "alice");
        browser.type("register-email", "alice@example.com");
        browser.type("register-password1", PASSWORD);
        browser.type("register-password2", PASSWORD);
        browser.click("register-submit");
        browser.awaitText("register-result", "Verification e-mail sent.");

        logIn("alice", PASSWORD);
        browser.awaitText("login-result", "E-mail is not verified.");

        String link = onlyLink(deliverOneMail("[example.com] Please Confirm Your E-mail Address"),
                "/rest-auth/registration/account-confirm-email/");
        browser.type("confirm-key", link);
        browser.click("confirm-submit");
        browser.awaitText("confirm-result", "Address confirmed: you can log in now.");

        logIn("alice@example.com", PASSWORD);
        browser.awaitText("status", "Logged in as alice (session cookie).");
        browser.awaitValue("user-email", "alice@example.com");
        assertEquals("alice", browser.element("user-username").getDomProperty("value"));

        // A PATCH over the session: refused without the X-CSRFToken header the page sends.
        browser.type("user-first-name", "Alice");
        browser.type("user-last-name", "Liddell");
        browser.click("user-save");
        browser.awaitText("user-result", "Saved.");
        browser.open(root + "/");
        browser.awaitText("status", "Logged in as alice (session cookie).");
        browser.awaitValue("user-first-name", "Alice");
        browser.awaitValue("user-last-name", "Liddell");

        browser.type("change-new1", NEW_PASSWORD);
        browser.type("change-new2", NEW_PASSWORD);
        browser.click("change-submit");
        browser.awaitText("change-result", "New password has been saved.");
        browser.awaitText("status", "Logged in as alice (session cookie).");

        browser.click("logout-button");
        browser.awaitText("status", "Not logged in.");
        browser.awaitText("login-result", "Successfully logged out.");
        browser.open(root + "/");
        browser.awaitText("status", "Not logged in.");

        logIn("alice", PASSWORD);
        browser.awaitText("login-result", "Unable to log in with provided credentials.");
        logIn("alice", NEW_PASSWORD);
        browser.awaitText("status", "Logged in as alice (session cookie).");
        browser.awaitValue("user-first-name", "Alice");
    }

    @Test
    void aVisitorResetsAForgottenPasswordThroughTheLinkInTheMail() {
        server.createUser("bob", "bob@example.com", PASSWORD);
        browser.open(root + "/");
        browser.awaitText("status", "Not logged in.");

        browser.type("reset-email", "bob@example.com");
        browser.click("reset-submit");
        browser.awaitText("reset-result", "Password reset e-mail has been sent.");

        String link = onlyLink(deliverOneMail("[example.com] Password Reset E-mail"), "/password-reset/confirm/");
        browser.open(link);
        browser.awaitText("status", "Resetting a password.");
        browser.type("reset-new1", NEW_PASSWORD);
        browser.type("reset-new2", NEW_PASSWORD);
        browser.click("reset-confirm-submit");
        browser.awaitText("reset-confirm-result", "Password has been reset with the new password.");
        browser.awaitText("status", "Not logged in. Log in with your new password.");
        assertEquals(root + "/", browser.url(), "the spent token leaves the address bar");

        logIn("bob", NEW_PASSWORD);
        browser.awaitText("status", "Logged in as bob (session cookie).");
    }

    @Test
    void aWeakPasswordAtRegistrationShowsEachFieldsErrors() {
        browser.open(root + "/");
        browser.awaitText("status", "Not logged in.");
        browser.type("register-username", "carol");
        browser.type("register-email", "carol@example.com");
        browser.type("register-password1", "12345678");
        browser.type("register-password2", "12345678");
        browser.click("register-submit");
        browser.awaitText("register-result",
                "password1: This password is too common. This password is entirely numeric.");
    }

    @Test
    void aSocialButtonFromTheSettingsExplainsWhatToSendAndLogsInWithAnIdToken() {
        try (OidcServer oidc = OidcServer.start();
             TestServer social = TestServer.builder()
                     .setting("social_providers", "keycloak")
                     .setting("social.keycloak.client_id", "restauth-demo")
                     .setting("social.keycloak.issuer", oidc.issuer())
                     .start()) {
            String socialRoot = "http://127.0.0.1:" + social.port();
            browser.open(socialRoot + "/");
            browser.awaitText("status", "Not logged in.");
            assertEquals("Continue with Keycloak", browser.element("social-keycloak").getText());

            browser.click("social-keycloak");
            browser.awaitVisible("social-panel");
            assertTrue(browser.element("social-explanation").getText().contains("POST /rest-auth/keycloak/ with "
                    + "{\"id_token\": \"…\"}"), browser.element("social-explanation").getText());

            String idToken = oidc.idToken(OidcServer.ISSUER_ID, "dana-subject", List.of("restauth-demo"),
                    Map.of("email", "dana@idp.example.com", "email_verified", true,
                            "preferred_username", "dana"), 3600).serialize();
            browser.type("social-value", idToken);
            browser.click("social-submit");
            browser.awaitVisible("signed-in");
            browser.awaitValue("user-email", "dana@idp.example.com");
            assertTrue(browser.element("status").getText().endsWith(" (session cookie)."),
                    browser.element("status").getText());
        }
    }

    @Test
    void aUserSeesTheSessionAndTheLoginInTheLogAndAddsAnAddressAfterReauthenticating() {
        server.createUser("erin", "erin@example.com", PASSWORD);
        browser.open(root + "/");
        browser.awaitText("status", "Not logged in.");
        logIn("erin", PASSWORD);
        browser.awaitText("status", "Logged in as erin (session cookie).");

        browser.awaitTextContaining("sessions-list", "the current one");
        List<String> current = browser.texts("#sessions-list li.current");
        assertEquals(1, current.size(), String.valueOf(current));
        assertTrue(current.get(0).startsWith("session #"), current.get(0));
        browser.awaitTextContaining("security-log-list", "login: ok (password) from 127.0.0.1");
        browser.awaitText("emails-list", "erin@example.com (verified, primary)");

        browser.type("emails-new", "erin@work.example");
        browser.click("emails-add");
        browser.awaitText("emails-result", "Reauthentication required. Enter your password to go on.");
        browser.awaitVisible("reauth-form");
        browser.type("reauth-password", "not-" + PASSWORD);
        browser.click("reauth-submit");
        browser.awaitText("emails-result", "password: Invalid password.");
        browser.type("reauth-password", PASSWORD);
        browser.click("reauth-submit");
        browser.awaitText("emails-result", "Added: its confirmation mail is on its way.");
        assertEquals(List.of("erin@example.com (verified, primary)", "erin@work.example (unverified)"),
                browser.texts("#emails-list li"));
        assertTrue(!browser.element("reauth-form").isDisplayed(), "the password prompt is gone");
        browser.awaitTextContaining("security-log-list", "email_added: ok (erin@work.example)");
        browser.awaitTextContaining("security-log-list", "reauthenticate: failed (password)");
    }

    private void logIn(String login, String password) {
        browser.type("login-login", login);
        browser.type("login-password", password);
        browser.click("login-submit");
    }

    /** Sends the outbox's due mail to the SMTP server and returns the one mail's text, checking its subject. */
    private String deliverOneMail(String subject) {
        server.app().outboxSender().deliverDue();
        assertTrue(smtp.await(1), "no mail arrived");
        assertEquals(1, smtp.messages().size());
        try {
            assertEquals(subject, smtp.messages().get(0).getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        String text = Smtp.text(smtp.messages().get(0));
        smtp.purge();
        return text;
    }

    private String onlyLink(String mail, String path) {
        Matcher link = Pattern.compile(Pattern.quote(root + path) + "\\S+").matcher(mail);
        assertTrue(link.find(), "no " + path + " link in:\n" + mail);
        return link.group();
    }
}
