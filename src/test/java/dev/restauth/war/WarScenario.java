package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The account flow every container must serve from the unmodified WAR, as a browser-like client drives it: with a
 * cookie jar, and the {@code X-CSRFToken} header on unsafe requests made with the session cookie. Each step asserts
 * the exact status and body of the wire contract: registration, the confirmation mail sent by the web application's
 * own outbox sender, verification, login (a multipart body, which the container parses under the WAR's
 * {@code multipart-config}) opening a session, the user read through the session cookie, a password change refused
 * without the CSRF token and made with it, the old password refused and the new one accepted (a form body), the user
 * read through the token, logout through the session, the dead token and session, and restauth's own 404 inside the
 * context. Everything the client saw is kept in a {@link Transcript}, for comparing deployments with each other.
 */
final class WarScenario {
    private static final String OLD_PASSWORD = "Tr0ub4dor&3x";
    private static final String NEW_PASSWORD = "correct horse battery staple";
    private static final String BOUNDARY = "restauth-boundary";
    private static final String USER = "{\"pk\":1,\"username\":\"alice\",\"email\":\"alice@example.com\","
            + "\"first_name\":\"\",\"last_name\":\"\"}";

    private final Deployment app;
    private final Http http;
    private final Transcript transcript;
    /** The cookies the client holds, by name, as a browser keeps them: set by answers, dropped when expired. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WarScenario(Deployment app, Http http) {
        this.app = app;
        this.http = http;
        this.transcript = new Transcript(http.base());
    }

    /**
     * Runs the flow against {@code http} (the base restauth's endpoints live under) for a fresh user of {@code app},
     * whose database holds no user yet.
     *
     * @return what the client saw
     */
    static Transcript run(Deployment app, Http http) {
        WarScenario scenario = new WarScenario(app, http);
        scenario.run();
        return scenario.transcript;
    }

    private void run() {
        assertAnswer(201, "{\"detail\":\"Verification e-mail sent.\"}", json("POST", "/registration/",
                "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password1\":\"" + OLD_PASSWORD
                        + "\",\"password2\":\"" + OLD_PASSWORD + "\"}"));
        assertAnswer(400, "{\"non_field_errors\":[\"E-mail is not verified.\"]}",
                json("POST", "/login/", credentials(OLD_PASSWORD)));
        assertAnswer(200, "{\"detail\":\"ok\"}", json("POST", "/registration/verify-email/",
                "{\"key\":\"" + confirmationKey() + "\"}"));

        Http.Response login = send("POST", "/login/", "multipart/form-data; boundary=" + BOUNDARY,
                multipart("username", "alice", "password", OLD_PASSWORD));
        assertEquals(200, login.status(), login.toString());
        assertTrue(login.body().matches("\\{\"key\":\"[0-9a-f]{40}\"}"), login.body());
        assertNotNull(login.cookie("sessionid"), login.setCookies().toString());
        assertNotNull(login.cookie("csrftoken"), login.setCookies().toString());
        String key = transcript.random("token", login.json().get("key").getAsString());

        assertAnswer(200, USER, send("GET", "/user/", null, null, withCookies()));
        assertAnswer(403, "{\"detail\":\"CSRF Failed: CSRF token missing or incorrect.\"}", json("POST",
                "/password/change/", passwordChange(), withCookies()));
        assertAnswer(200, "{\"detail\":\"New password has been saved.\"}", json("POST", "/password/change/",
                passwordChange(), withCookies("X-CSRFToken", cookies.get("csrftoken"))));
        assertAnswer(400, "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}",
                json("POST", "/login/", credentials(OLD_PASSWORD)));
        assertAnswer(200, "{\"key\":\"" + key + "\"}", send("POST", "/login/", "application/x-www-form-urlencoded",
                "username=alice&password=correct+horse+battery+staple"));

        assertAnswer(200, USER, send("GET", "/user/", null, null, "Authorization", "Token " + key));
        String endedSession = withCookies()[1]; // the Cookie header of the session logout ends
        assertAnswer(200, "{\"detail\":\"Successfully logged out.\"}", send("POST", "/logout/", null, null,
                withCookies("X-CSRFToken", cookies.get("csrftoken"))));
        assertAnswer(401, "{\"detail\":\"Invalid token.\"}", send("GET", "/user/", null, null,
                "Authorization", "Token " + key));
        assertAnswer(401, "{\"detail\":\"Authentication credentials were not provided.\"}", send("GET", "/user/",
                null, null, "Cookie", endedSession));
        assertAnswer(404, "{\"detail\":\"Not found.\"}", send("GET", "/nowhere/", null, null));
    }

    /** The verification key in the mail the web application sent, waiting for its outbox sender to deliver it. */
    private String confirmationKey() {
        MimeMessage mail = app.mail(1);
        try {
            transcript.mail(Arrays.stream(mail.getAllRecipients()).map(Object::toString)
                    .collect(Collectors.joining(", ")), mail.getSubject(), Smtp.text(mail));
        } catch (MessagingException e) {
            throw new AssertionError("unreadable mail", e);
        }
        return transcript.random("verification key", app.confirmationKey(1));
    }

    private Http.Response json(String method, String path, String body, String... headers) {
        return send(method, path, "application/json", body, headers);
    }

    /** Sends a request, records it, and keeps the cookies the answer sets. Headers: name, value, ... */
    private Http.Response send(String method, String path, String contentType, String body, String... headers) {
        List<String> sent = new ArrayList<>();
        if (contentType != null) {
            sent.addAll(List.of("Content-Type", contentType));
        }
        sent.addAll(List.of(headers));
        Http.Response response = http.send(method, path, contentType, body, headers);
        transcript.exchange(method, path, body, sent, response);
        for (String cookie : response.setCookies()) {
            String name = cookie.substring(0, cookie.indexOf('='));
            if (cookie.contains("Max-Age=0;")) {
                cookies.remove(name);
            } else {
                cookies.put(name, response.cookie(name));
            }
        }
        return response;
    }

    /** The {@code Cookie} header of the cookies held, then {@code headers}: name, value, ... */
    private String[] withCookies(String... headers) {
        List<String> all = new ArrayList<>(List.of("Cookie", cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
        all.addAll(List.of(headers));
        return all.toArray(String[]::new);
    }

    /**
     * Errors the container raises itself inside the web application are JSON too, through the {@code <error-page>} of
     * the WAR's {@code web.xml}: here a path no servlet serves, for a GET and for a method the container's own error
     * pages would answer without a body.
     *
     * @param context the context's root, e.g. {@code http://127.0.0.1:8080/restauth}
     */
    static void containerErrorsAreJson(Http context) {
        assertAnswer(404, "{\"detail\":\"Not found.\"}", context.get("/elsewhere/"));
        Http.Response post = context.post("/elsewhere/", "{}");
        assertEquals("application/json", post.header("Content-Type"), post.toString());
        assertTrue(post.status() == 404 || post.status() == 405, post.toString());
        assertEquals("nosniff", post.header("X-Content-Type-Options"));
    }

    private static void assertAnswer(int status, String body, Http.Response response) {
        assertEquals(status + " " + body, response.toString());
        assertEquals("application/json", response.header("Content-Type"));
    }

    private static String credentials(String password) {
        return "{\"username\":\"alice\",\"password\":\"" + password + "\"}";
    }

    private static String passwordChange() {
        return "{\"new_password1\":\"" + NEW_PASSWORD + "\",\"new_password2\":\"" + NEW_PASSWORD + "\"}";
    }

    /** A multipart/form-data body of text fields: name, value, name, value, ... */
    private static String multipart(String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n")
                    .append(fields[i + 1]).append("\r\n");
        }
        return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }
}
