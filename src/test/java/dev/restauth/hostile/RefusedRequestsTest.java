package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * Requests the server refuses before restauth's own code sees them (a path it will not map, a header or framing it
 * cannot parse, limits of the request line and headers) are answered as every other answer under the mount prefix: a
 * 4xx with {@code Content-Type: application/json} and {@code {"detail": "..."}} in restauth's words, for every method,
 * never Jetty's HTML page. Sent over raw sockets: an HTTP client would normalise or refuse most of them.
 */
class RefusedRequestsTest {
    private static final String HOST = "Host: 127.0.0.1\r\n";
    private static final String BAD_PATH = "Malformed request path.";
    private static final String MALFORMED = "Malformed request.";
    private static final String BAD_HOST = "Invalid Host header.";
    private static final String BAD_LENGTH = "Invalid Content-Length header.";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                refused("%2e%2e segment", get("/rest-auth/%2e%2e/user/"), 400, BAD_PATH),
                refused("%2E%2E segment at the end", get("/rest-auth/user/%2E%2E"), 400, BAD_PATH),
                refused("%2e segment", get("/rest-auth/%2e/user/"), 400, BAD_PATH),
                refused("%2F inside a segment", get("/rest-auth/user%2F"), 400, BAD_PATH),
                refused("%2f inside a segment", get("/rest-auth/password%2freset/"), 400, BAD_PATH),
                refused("%5C inside a segment", get("/rest-auth/user%5C"), 400, BAD_PATH),
                refused("// empty segment", get("/rest-auth//user/"), 400, BAD_PATH),
                refused("bad UTF-8 in the path", get("/rest-auth/%ff%fe/"), 400, BAD_PATH),
                refused("overlong UTF-8 dots in the path", get("/rest-auth/%c0%ae%c0%ae/user/"), 400, BAD_PATH),
                refused("a percent sign without two hex digits", get("/rest-auth/%zz/"), 400, BAD_PATH),
                refused("a backslash in the path", get("/rest-auth/user\\"), 400, BAD_PATH),
                refused("a fragment in the request line", get("/rest-auth/user/#top"), 400, BAD_PATH),
                refused("PUT to an ambiguous path", "PUT /rest-auth/%2e%2e/user/ HTTP/1.1\r\n" + HOST
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", 400, BAD_PATH),
                refused("PATCH to an ambiguous path", "PATCH /rest-auth/user%2F HTTP/1.1\r\n" + HOST
                        + "Content-Length: 0\r\n\r\n", 400, BAD_PATH),
                refused("DELETE to an ambiguous path", "DELETE /rest-auth//user/ HTTP/1.1\r\n" + HOST + "\r\n",
                        400, BAD_PATH),
                refused("a 20 000 character URI", get("/rest-auth/" + "a".repeat(20_000)), 414,
                        "Request URI is too long."),
                refused("a 20 000 character header", "GET /rest-auth/user/ HTTP/1.1\r\n" + HOST + "X-Filler: "
                        + "a".repeat(20_000) + "\r\n\r\n", 431, "Request header fields are too large."),
                refused("2 000 headers", "GET /rest-auth/user/ HTTP/1.1\r\n" + HOST + "X-Filler: a\r\n".repeat(2_000)
                        + "\r\n", 431, "Request header fields are too large."),
                refused("Content-Length: abc", post("Content-Length: abc\r\n"), 400, BAD_LENGTH),
                refused("Content-Length: -1", post("Content-Length: -1\r\n"), 400, BAD_LENGTH),
                refused("Content-Length: 1e3", post("Content-Length: 1e3\r\n"), 400, BAD_LENGTH),
                refused("two different Content-Lengths", post("Content-Length: 2\r\nContent-Length: 3\r\n"), 400,
                        BAD_LENGTH),
                // Jetty gives no reason for this one, nor keeps the header: the generic words.
                refused("Content-Length beyond any number", post("Content-Length: 99999999999999999999999\r\n"), 400,
                        MALFORMED),
                refused("Content-Length with chunked Transfer-Encoding",
                        post("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n"), 400,
                        "Content-Length and Transfer-Encoding must not be sent together."),
                refused("Transfer-Encoding: gzip", post("Transfer-Encoding: gzip\r\n"), 400,
                        "Invalid Transfer-Encoding header."),
                refused("no Host", "GET /rest-auth/user/ HTTP/1.1\r\n\r\n", 400, BAD_HOST),
                refused("Host with spaces", "GET /rest-auth/user/ HTTP/1.1\r\nHost: a b c\r\n\r\n", 400, BAD_HOST),
                refused("Host with a bad port", "GET /rest-auth/user/ HTTP/1.1\r\nHost: 127.0.0.1:x\r\n\r\n", 400,
                        BAD_HOST),
                refused("two Hosts", "GET /rest-auth/user/ HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, BAD_HOST),
                refused("an absolute URI naming another host", "GET http://elsewhere/rest-auth/user/ HTTP/1.1\r\n"
                        + HOST + "\r\n", 400, BAD_HOST),
                refused("Expect: bogus", post("Expect: bogus\r\nContent-Length: 2\r\n") + "{}", 417,
                        "Unsupported Expect header: only \"100-continue\" is understood."),
                refused("a control character in a header", "GET /rest-auth/user/ HTTP/1.1\r\n" + HOST
                        + "X-A: a\u0001b\r\n\r\n", 400, MALFORMED),
                refused("a space before a header's colon", "GET /rest-auth/user/ HTTP/1.1\r\n" + HOST
                        + "X-A : b\r\n\r\n", 400, MALFORMED),
                refused("a header without a colon", "GET /rest-auth/user/ HTTP/1.1\r\n" + HOST + "X-A\r\n\r\n", 400,
                        MALFORMED),
                refused("a method with a parenthesis", "G(T /rest-auth/user/ HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        MALFORMED),
                refused("a path outside the mount prefix", get("/elsewhere/"), 404, "Not found."),
                refused("a POST outside the mount prefix", "POST /elsewhere/ HTTP/1.1\r\n" + HOST
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", 405,
                        "Method \"POST\" not allowed."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void aRefusedRequestGetsAJsonClientError(String name, String request, int status, String detail) {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), request);

        assertEquals(status, answer.status(), answer::toString);
        assertJson(answer, detail);
    }

    @Test
    void anUnsupportedHttpVersionGetsAJsonServerError() {
        for (String requestLine : List.of("GET /rest-auth/user/ HTTP/9.9", "GET /rest-auth/user/")) {
            RawHttp.Answer answer = RawHttp.exchange(server.port(), requestLine + "\r\n" + HOST + "\r\n");

            assertEquals(505, answer.status(), answer::toString);
            assertJson(answer, "Unsupported HTTP version.");
        }
    }

    @Test
    void theServerStillAnswersAfterwards() {
        for (Arguments refused : refusedRequests().toList()) {
            RawHttp.exchange(server.port(), (String) refused.get()[1]);
        }
        RawHttp.Answer answer = RawHttp.exchange(server.port(), get("/rest-auth/user/"));
        assertEquals(401, answer.status(), answer::toString);
        assertJson(answer, "Authentication credentials were not provided.");
    }

    private static void assertJson(RawHttp.Answer answer, String detail) {
        assertEquals(List.of("application/json", "nosniff", "no-store", "{\"detail\":\"" + detail.replace("\"", "\\\"")
                + "\"}"), List.of(String.valueOf(answer.header("Content-Type")),
                String.valueOf(answer.header("X-Content-Type-Options")), String.valueOf(answer.header("Cache-Control")),
                answer.body()), answer::toString);
    }

    private static Arguments refused(String name, String request, int status, String detail) {
        return Arguments.of(name, request, status, detail);
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n";
    }

    private static String post(String headers) {
        return "POST /rest-auth/login/ HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n" + headers + "\r\n";
    }
}
