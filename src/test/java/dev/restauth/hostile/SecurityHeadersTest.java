package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Every answer carries {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store}: those with a
 * token or session cookies (RFC 6749, section 5.1, asks it of them), and all others, so no cache ever holds one.
 */
class SecurityHeadersTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String REGISTRATION = "{\"username\": \"bob\", \"email\": \"bob@example.com\", "
            + "\"password1\": \"" + PASSWORD + "\", \"password2\": \"" + PASSWORD + "\"}";

    private static TestServer server;
    private static Http http;
    private static String key;

    @BeforeAll
    static void start() {
        server = TestServer.builder().setting("email_verification", "none").start();
        http = server.http();
        server.createUser("ada", "ada@example.com", PASSWORD);
        key = server.login("ada", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLoginAnswerWithItsKeyAndSessionCookies() {
        Http.Response login = http.post("/login/", "{\"username\": \"ada\", \"password\": \"" + PASSWORD + "\"}");

        assertEquals(200, login.status(), login::toString);
        assertEquals(2, login.setCookies().size(), login::toString);
        assertProtected(login);
    }

    @Test
    void aRegistrationThatLogsInWithoutABody() {
        Http.Response registered = http.post("/registration/", REGISTRATION);

        assertEquals(204, registered.status(), registered::toString);
        assertProtected(registered);
    }

    @Test
    void userDetails() {
        assertProtected(http.get("/user/", Http.token(key)));
    }

    @Test
    void errorsOfRestauthsOwn() {
        assertProtected(http.get("/user/"));
        assertProtected(http.get("/user/", Http.token("0".repeat(40))));
        assertProtected(http.get("/login/"));
        assertProtected(http.get("/no-such-endpoint/"));
        assertProtected(http.post("/login/", "{"));
    }

    @Test
    void options() {
        assertProtected(http.send("OPTIONS", "/login/", null, null));
    }

    @Test
    void errorsTheServerRaisesItself() {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "GET /rest-auth/user%2F HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(List.of(400, "nosniff", "no-store"), List.of(answer.status(),
                String.valueOf(answer.header("X-Content-Type-Options")),
                String.valueOf(answer.header("Cache-Control"))), answer::toString);
    }

    private static void assertProtected(Http.Response response) {
        assertEquals(List.of("nosniff", "no-store"), List.of(String.valueOf(response.header("X-Content-Type-Options")),
                String.valueOf(response.header("Cache-Control"))), response::toString);
    }
}
