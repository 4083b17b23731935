package dev.restauth.hostile;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that send their headers and then trickle, or stall, their body hold no request thread: the server keeps
 * answering everyone else while a thousand of them are connected, and each slow body is refused, in JSON, once it is
 * later or slower than the settings allow.
 */
class SlowBodiesTest {
    private static final int SLOW_CLIENTS = 1000;
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String USER = "{\"pk\":1,\"username\":\"ada\",\"email\":\"ada@example.com\","
            + "\"first_name\":\"\",\"last_name\":\"\"}";

    @Test
    void userDetailsKeepAnsweringWhileAThousandClientsTrickleTheirBodies() throws IOException {
        // Limits that let the slow bodies stay as long as the test needs: what is tested is that they hold no thread.
        // The connection cap is tested apart; here every client comes from 127.0.0.1.
        try (TestServer server = TestServer.builder().setting("body_timeout", "600").setting("body_min_rate", "0")
                .setting("idle_timeout", "600").setting("max_connections_per_ip", "0").start()) {
            server.createUser("ada", "ada@example.com", PASSWORD);
            String key = server.login("ada", PASSWORD);
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    slow.add(startSlowBody(server.port()));
                }
                for (Socket client : slow) {
                    awaitContinue(client); // the server has the headers and is reading the body
                }
                for (int round = 0; round < 5; round++) {
                    for (Socket client : slow) {
                        client.getOutputStream().write('a');
                    }
                    Http.Response user = server.http().get("/user/", Http.token(key)); // fails after 30 s
                    assertEquals("200 " + USER, user.toString());
                }
            } finally {
                for (Socket client : slow) {
                    client.close();
                }
            }
        }
    }

    @Test
    void aStalledBodyIsRefusedAtItsDeadline() throws IOException {
        try (TestServer server = TestServer.builder().setting("body_timeout", "1").setting("body_min_rate", "0")
                .start(); Socket client = startSlowBody(server.port())) {
            RawHttp.Answer answer = RawHttp.read(client.getInputStream());

            assertRefused(answer, 408, "Request body did not arrive within 1 seconds.");
        }
    }

    @Test
    void aTrickledBodyIsRefusedOnceItFallsBelowTheMinimumRate() throws IOException {
        try (TestServer server = TestServer.builder().setting("body_timeout", "600").setting("body_min_rate", "100")
                .start(); Socket client = startSlowBody(server.port())) {
            RawHttp.Answer answer = RawHttp.read(client.getInputStream());

            assertRefused(answer, 408, "Request body arrived slower than 100 bytes per second.");
        }
    }

    @Test
    void aBodyBeyondTheServersBufferBudgetIsRefused() throws IOException {
        try (TestServer server = TestServer.builder().setting("body_buffer_bytes", "4096").start();
             Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout(RawHttp.ANSWER_TIMEOUT_MILLIS);
            String body = "{\"username\": \"" + "a".repeat(6000) + "\", \"password\": \"x\"}";
            client.getOutputStream().write(("POST /rest-auth/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(ISO_8859_1));

            assertRefused(RawHttp.read(client.getInputStream()), 503,
                    "Service temporarily unavailable, try again later.");
        }
    }

    @Test
    void aBodyThatArrivesInPiecesIsServedWhole() throws Exception {
        try (TestServer server = TestServer.start(); Socket client = new Socket("127.0.0.1", server.port())) {
            server.createUser("ada", "ada@example.com", PASSWORD);
            client.setSoTimeout(RawHttp.ANSWER_TIMEOUT_MILLIS);
            client.setTcpNoDelay(true);
            String body = "{\"username\": \"ada\", \"password\": \"" + PASSWORD + "\"}";
            OutputStream out = client.getOutputStream();
            out.write(("POST /rest-auth/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(ISO_8859_1));
            for (char c : body.toCharArray()) {
                out.write(("1\r\n" + c + "\r\n").getBytes(ISO_8859_1));
                out.flush();
                Thread.sleep(5);
            }
            out.write("0\r\n\r\n".getBytes(ISO_8859_1));

            RawHttp.Answer answer = RawHttp.read(client.getInputStream());
            assertEquals(200, answer.status(), answer::toString);
            assertTrue(answer.body().matches("\\{\"key\":\"[0-9a-f]{40}\"}"), answer::toString);
        }
    }

    private static void assertRefused(RawHttp.Answer answer, int status, String detail) {
        assertEquals(List.of(status, "application/json", "close", "{\"detail\":\"" + detail + "\"}"),
                List.of(answer.status(), answer.header("Content-Type"), answer.header("Connection"), answer.body()),
                answer::toString);
    }

    /** A login that announces 100 000 bytes of body, none of which it has sent yet. */
    private static Socket startSlowBody(int port) throws IOException {
        Socket client = new Socket("127.0.0.1", port);
        client.setSoTimeout(RawHttp.ANSWER_TIMEOUT_MILLIS);
        client.getOutputStream().write(("POST /rest-auth/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n")
                .getBytes(ISO_8859_1));
        return client;
    }

    private static void awaitContinue(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        String expected = "HTTP/1.1 100 Continue\r\n\r\n";
        byte[] interim = in.readNBytes(expected.length());
        assertEquals(expected, new String(interim, ISO_8859_1));
    }
}
