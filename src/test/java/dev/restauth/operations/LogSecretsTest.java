package dev.restauth.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.restauth.config.LogFormat;
import dev.restauth.standalone.LogLines;
import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log of a whole account's life (sign-up, confirmation, login, password change, reset, a failed login, a bad
 * token, logout, a mail that cannot be delivered) in the {@code json} log format, at INFO as in production: every line
 * is one JSON object with the documented fields, and no secret of the flow appears in it (passwords, token keys,
 * session and CSRF cookies, confirmation keys, reset links, the secret key).
 */
class LogSecretsTest {
    private static final Pattern KEY_LINK = Pattern.compile("/registration/account-confirm-email/([-:\\w]+)/");
    private static final Pattern RESET_LINK = Pattern.compile("/password-reset/confirm/([0-9a-z]+)/([0-9a-z]+-[0-9a-f]{32})/");
    private static final String PASSWORD = "first secret phrase 1";
    private static final String CHANGED = "second secret phrase 2";
    private static final String RESET = "third secret phrase 3";
    private static final String WRONG = "wrong secret phrase 4";

    @Test
    void aFullFlowLogsNoSecret() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Handler handler = LogLines.to(log, LogFormat.JSON);
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.setLevel(Level.INFO);
        root.addHandler(handler);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, CHANGED, RESET, WRONG, TestServer.SECRET));
        try (Smtp smtp = Smtp.start();
             TestServer server = TestServer.builder().mailTo(smtp.port())
                     .setting("password_reset_url", "https://app.example.com/password-reset/confirm/{uid}/{token}/")
                     .start()) {
            Http http = server.http();
            assertEquals(201, http.post("/registration/", "{\"username\":\"ann\",\"email\":\"ann@example.com\","
                    + "\"password1\":\"" + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}").status());
            assertEquals(1, server.app().outboxSender().deliverDue());
            Matcher key = KEY_LINK.matcher(Smtp.text(smtp.messages().get(0)));
            assertTrue(key.find());
            secrets.add(key.group(1));
            assertEquals(200, http.post("/registration/verify-email/", "{\"key\":\"" + key.group(1) + "\"}").status());

            Http.Response login = http.post("/login/", "{\"username\":\"ann\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(200, login.status());
            String token = login.json().get("key").getAsString();
            secrets.add(token);
            secrets.add(login.cookie("sessionid"));
            secrets.add(login.cookie("csrftoken"));
            assertEquals(200, http.get("/user/", Http.token(token)).status());
            assertEquals(200, http.post("/password/change/", "{\"new_password1\":\"" + CHANGED
                    + "\",\"new_password2\":\"" + CHANGED + "\"}", Http.token(token)).status());

            assertEquals(200, http.post("/password/reset/", "{\"email\":\"ann@example.com\"}").status());
            assertEquals(1, server.app().outboxSender().deliverDue());
            Matcher reset = RESET_LINK.matcher(Smtp.text(smtp.messages().get(1)));
            assertTrue(reset.find(), Smtp.text(smtp.messages().get(1)));
            secrets.add(reset.group(2));
            secrets.add(reset.group(0));
            assertEquals(200, http.post("/password/reset/confirm/", "{\"uid\":\"" + reset.group(1) + "\",\"token\":\""
                    + reset.group(2) + "\",\"new_password1\":\"" + RESET + "\",\"new_password2\":\"" + RESET + "\"}")
                    .status());

            assertEquals(400, http.post("/login/", "{\"username\":\"ann\",\"password\":\"" + WRONG + "\"}").status());
            String forged = "0123456789abcdef0123456789abcdef01234567";
            secrets.add(forged);
            assertEquals(401, http.get("/user/", Http.token(forged)).status());
            assertEquals(200, http.post("/logout/", null, Http.token(token)).status());

            // a reset mail that cannot leave: its failure is logged, its link is not
            smtp.close();
            assertEquals(200, http.post("/password/reset/", "{\"email\":\"ann@example.com\"}").status());
            assertEquals(0, server.app().outboxSender().deliverDue());
        } finally {
            root.removeHandler(handler);
            root.setLevel(level);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\"logger\":\"dev.restauth.mail.OutboxSender\""), "the failed delivery is logged:\n"
                + text);
        for (String line : text.split("\n")) {
            JsonObject event = JsonParser.parseString(line).getAsJsonObject();
            for (String field : new String[] {"time", "level", "logger", "thread", "message"}) {
                assertTrue(event.has(field), field + " missing in " + line);
            }
        }
        for (String secret : secrets) {
            assertFalse(secret == null || secret.isEmpty(), "every secret of the flow was seen");
            assertFalse(text.contains(secret), "the log shows a secret (" + secret + "):\n" + text);
        }
    }
}
