package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** {@code POST /rest-auth/password/reset/}: every case of the transcript's section 5, then restauth's own. */
class PasswordResetTest {
    private static final String SENT = "{\"detail\":\"Password reset e-mail has been sent.\"}";

    static Smtp smtp;
    static TestServer server;

    @BeforeAll
    static void start() {
        smtp = Smtp.start();
        server = TestServer.builder()
                .mailTo(smtp.port())
                .start();
        server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
        server.createUser("bob_yihn7e", "bob_yihn7e@example.com", "Tr0ub4dor&3x");
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.close();
    }

    @BeforeEach
    void emptyMailbox() {
        server.app().outboxSender().deliverDue();
        smtp.purge();
    }

    @Test
    void getIsNotAllowed() {
        assertAnswer(405, "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}", server.http().get("/password/reset/"));
    }

    @Test
    void aMissingEmailIsRequired() {
        assertAnswer(400, "{\"email\":[\"This field is required.\"]}", post("{}"));
    }

    @Test
    void aBlankEmailIsRefused() {
        assertAnswer(400, "{\"email\":[\"This field may not be blank.\"]}", post("{\"email\": \"\"}"));
    }

    @Test
    void anInvalidEmailIsRefused() {
        assertAnswer(400, "{\"email\":[\"Enter a valid email address.\"]}", post("{\"email\": \"nope\"}"));
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() {
        assertAnswer(200, SENT, post("{\"email\": \"nobody_yihn7e@example.com\"}"));
        assertEquals(0, mailsSent());
    }

    @Test
    void aKnownEmailGetsOneMail() {
        assertAnswer(200, SENT, post("{\"email\": \"alice_yihn7e@example.com\"}"));
        assertEquals(List.of("alice_yihn7e@example.com"), recipients());
    }

    @Test
    void aKnownEmailInUpperCaseGetsOneMailAtTheStoredAddress() {
        assertAnswer(200, SENT, post("{\"email\": \"ALICE_YIHN7E@EXAMPLE.COM\"}"));
        // The reference mails the spelling typed; restauth the one stored (CVE-2019-19844).
        assertEquals(List.of("alice_yihn7e@example.com"), recipients());
    }

    @Test
    void aFormEncodedBodyWorksToo() {
        assertAnswer(200, SENT, server.http().postForm("/password/reset/", "email=Bob_yihn7e%40Example.COM"));
        assertEquals(List.of("bob_yihn7e@example.com"), recipients());
    }

    @Test
    void anInvalidTokenHeaderIsRefusedEvenHere() {
        Http.Response response = server.http().post("/password/reset/", "{\"email\": \"alice_yihn7e@example.com\"}",
                Http.token("0123456789abcdef0123456789abcdef01234567"));
        assertEquals(401, response.status());
        assertEquals("{\"detail\":\"Invalid token.\"}", response.body());
        assertEquals("Token", response.header("WWW-Authenticate"));
        assertEquals(0, mailsSent());
    }

    @Test
    void aHostOutsideAllowedHostsIsRefusedAndNothingIsMailed() throws IOException {
        String answer = rawPost(server.port(), "evil.example", "{\"email\": \"alice_yihn7e@example.com\"}");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.endsWith("\r\n\r\n{\"detail\":\"Invalid Host header.\"}"), answer);
        assertEquals(0, mailsSent());
    }

    @Test
    void aBadHostIsRefusedBeforeTheBodyIsLookedAt() throws IOException {
        String answer = rawPost(server.port(), "evil.example:80", "{}");
        assertTrue(answer.endsWith("\r\n\r\n{\"detail\":\"Invalid Host header.\"}"), answer);
    }

    @Test
    void anAllowedHostInAnyCaseWithAPortBuildsTheLink() throws IOException {
        String answer = rawPost(server.port(), "LOCALHOST:" + server.port(), "{\"email\": \"alice_yihn7e@example.com\"}");
        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        assertTrue(answer.endsWith("\r\n\r\n" + SENT), answer);
        assertEquals(1, mailsSent());
        // Jetty hands the Host over in lower case; either spelling names the same host.
        String text = Smtp.text(smtp.messages().get(0));
        assertTrue(text.contains("\nhttp://localhost:" + server.port() + "/password-reset/confirm/1/"), text);
    }

    @Test
    void subdomainPatternsAndAbsoluteTemplatesNeedNoListedHost() throws IOException {
        try (TestServer subdomains = TestServer.builder().setting("allowed_hosts", ".example.com").start();
             TestServer absolute = TestServer.builder()
                     .setting("password_reset_url", "https://app.example.com/reset/{uid}/{token}").start()) {
            assertTrue(rawPost(subdomains.port(), "api.example.com", "{\"email\": \"a@example.com\"}")
                    .startsWith("HTTP/1.1 200 "));
            assertTrue(rawPost(subdomains.port(), "example.com:8443", "{\"email\": \"a@example.com\"}")
                    .startsWith("HTTP/1.1 200 "));
            assertTrue(rawPost(subdomains.port(), "127.0.0.1", "{\"email\": \"a@example.com\"}")
                    .startsWith("HTTP/1.1 400 "));
            assertTrue(rawPost(absolute.port(), "evil.example", "{\"email\": \"a@example.com\"}")
                    .startsWith("HTTP/1.1 200 "));
        }
    }

    private static Http.Response post(String json) {
        return server.http().post("/password/reset/", json);
    }

    /** Status, exact body, and the headers every answer of this endpoint carries in the transcript. */
    static void assertAnswer(int status, String body, Http.Response response) {
        assertEquals(status, response.status(), response.toString());
        assertEquals(body, response.body());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals("Accept, Cookie", response.header("Vary"));
        assertEquals("POST, OPTIONS", response.header("Allow"));
        assertEquals(Integer.toString(body.getBytes(StandardCharsets.UTF_8).length),
                response.header("Content-Length"));
    }

    private static int mailsSent() {
        server.app().outboxSender().deliverDue();
        return smtp.messages().size();
    }

    private static List<String> recipients() {
        server.app().outboxSender().deliverDue();
        return smtp.messages().stream().flatMap(PasswordResetTest::recipients).toList();
    }

    private static java.util.stream.Stream<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST with a Host header of our choosing, which {@link java.net.http.HttpClient} does not allow. */
    static String rawPost(int port, String host, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST /rest-auth/password/reset/ HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
