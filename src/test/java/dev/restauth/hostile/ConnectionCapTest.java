package dev.restauth.hostile;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * One client address holds at most {@code max_connections_per_ip} connections: a further one is closed unanswered,
 * and room made by closing one is taken by the next. Behind proxies ({@code trusted_proxies}), where every
 * connection has the proxy's address, there is no such cap.
 */
class ConnectionCapTest {
    private static final String REQUEST = "GET /rest-auth/user/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void aConnectionBeyondTheCapIsClosedUnanswered() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (TestServer server = TestServer.builder().setting("max_connections_per_ip", "3").start()) {
            for (int i = 0; i < 3; i++) {
                held.add(answered(server.port())); // open, and known to the server: it answered on it
            }
            try (Socket extra = new Socket("127.0.0.1", server.port())) {
                extra.getOutputStream().write(REQUEST.getBytes(ISO_8859_1));
                assertTrue(RawHttp.closedWithoutAnswer(extra), "the fourth connection is closed unanswered");
            }
            held.remove(0).close();
            assertEquals(401, answeredOnceRoomIsMade(server.port()).status());
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void behindAProxyConnectionsAreNotCappedByAddress() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (TestServer server = TestServer.builder().setting("max_connections_per_ip", "1")
                .setting("trusted_proxies", "1").start()) {
            for (int i = 0; i < 5; i++) {
                held.add(answered(server.port()));
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** A new connection, kept open after its first request was answered 401. */
    private static Socket answered(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(RawHttp.ANSWER_TIMEOUT_MILLIS);
        socket.getOutputStream().write(REQUEST.getBytes(ISO_8859_1));
        RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
        assertEquals(401, answer.status(), answer::toString);
        return socket;
    }

    /**
     * The answer on a new connection, once the server has counted out the one the test closed: it may take a moment
     * to notice, so connections it closes meanwhile are retried (for at most the answer timeout).
     */
    private static RawHttp.Answer answeredOnceRoomIsMade(int port) throws IOException {
        long deadline = System.nanoTime() + RawHttp.ANSWER_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(RawHttp.ANSWER_TIMEOUT_MILLIS);
                socket.getOutputStream().write(REQUEST.getBytes(ISO_8859_1));
                return RawHttp.read(socket.getInputStream());
            } catch (IOException closed) {
                if (System.nanoTime() > deadline) {
                    throw closed;
                }
            }
        }
    }
}
