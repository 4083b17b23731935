package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;

/**
 * The account flow every container must serve from the unmodified WAR, each step asserting the exact status and
 * body of the wire contract: registration, the confirmation mail sent by the web application's own outbox sender,
 * verification, login (a multipart body, which the container parses under the WAR's {@code multipart-config}), the
 * user, a password change, the old password refused and the new one accepted, logout, the dead token, and
 * restauth's own 404 inside the context.
 */
final class WarScenario {
    private static final String OLD_PASSWORD = "Tr0ub4dor&3x";
    private static final String NEW_PASSWORD = "correct horse battery staple";
    private static final String BOUNDARY = "restauth-boundary";

    private WarScenario() {
    }

    /** Runs the flow against {@code http} (the context's {@code /rest-auth} base) for a fresh user of {@code app}. */
    static void run(Deployment app, Http http) {
        assertAnswer(201, "{\"detail\":\"Verification e-mail sent.\"}", http.post("/registration/",
                "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password1\":\"" + OLD_PASSWORD
                        + "\",\"password2\":\"" + OLD_PASSWORD + "\"}"));
        assertAnswer(400, "{\"non_field_errors\":[\"E-mail is not verified.\"]}",
                http.post("/login/", credentials(OLD_PASSWORD)));
        assertAnswer(200, "{\"detail\":\"ok\"}", http.post("/registration/verify-email/",
                "{\"key\":\"" + app.confirmationKey(1) + "\"}"));

        Http.Response login = http.send("POST", "/login/", "multipart/form-data; boundary=" + BOUNDARY,
                multipart("username", "alice", "password", OLD_PASSWORD));
        assertEquals(200, login.status(), login.toString());
        assertTrue(login.body().matches("\\{\"key\":\"[0-9a-f]{40}\"}"), login.body());
        assertNotNull(login.cookie("sessionid"), login.setCookies().toString());
        String key = login.json().get("key").getAsString();

        assertAnswer(200, "{\"pk\":1,\"username\":\"alice\",\"email\":\"alice@example.com\","
                + "\"first_name\":\"\",\"last_name\":\"\"}", http.get("/user/", Http.token(key)));
        assertAnswer(200, "{\"detail\":\"New password has been saved.\"}", http.post("/password/change/",
                "{\"new_password1\":\"" + NEW_PASSWORD + "\",\"new_password2\":\"" + NEW_PASSWORD + "\"}",
                Http.token(key)));
        assertAnswer(400, "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}",
                http.post("/login/", credentials(OLD_PASSWORD)));
        assertAnswer(200, "{\"key\":\"" + key + "\"}", http.post("/login/", credentials(NEW_PASSWORD)));
        assertAnswer(200, "{\"detail\":\"Successfully logged out.\"}", http.send("POST", "/logout/", null, null, Http.token(key)));
        assertAnswer(401, "{\"detail\":\"Invalid token.\"}", http.get("/user/", Http.token(key)));
        assertAnswer(404, "{\"detail\":\"Not found.\"}", http.get("/nowhere/"));
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
