package dev.restauth.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What a load generator sends, byte for byte the same whichever generator runs it: {@code GET /user/} with the
 * sample's token keys in turn (in JWT mode, their access tokens as {@code Bearer}), {@code POST /login/} with the
 * sample's usernames in turn, or {@code POST /registration/} with a new username every time. {@code pause} spaces
 * one connection's requests (the probe that measures latency during a flood); zero sends the next request as soon as
 * the answer is in.
 *
 * @param items  token keys ({@link Kind#USER}), access tokens ({@link Kind#JWT_USER}), usernames
 *               ({@link Kind#LOGIN}) or the one username prefix
 *               ({@link Kind#REGISTER}); plain ASCII without quotes, so they go into JSON as they are
 * @param secret the password logins and registrations send
 */
record Workload(Kind kind, List<String> items, String secret, Duration pause) {
    static final String PREFIX = "/rest-auth";
    /** A prime step between the streams' starting points in the item list (the Lua script uses the same). */
    static final int STREAM_OFFSET = 7919;

    /** The requests the bench measures. */
    enum Kind {
        USER, LOGIN, REGISTER, JWT_USER
    }

    static Workload user(List<String> tokens) {
        return new Workload(Kind.USER, tokens, "", Duration.ZERO);
    }

    /** {@code GET /user/} with {@code Authorization: Bearer <access token>}, JWT mode's credential. */
    static Workload jwtUser(List<String> accessTokens) {
        return new Workload(Kind.JWT_USER, accessTokens, "", Duration.ZERO);
    }

    static Workload login(List<String> usernames, String password) {
        return new Workload(Kind.LOGIN, usernames, password, Duration.ZERO);
    }

    /** Registrations of {@code <prefix><connection>x<n>} with the address {@code <that>@example.com}. */
    static Workload registration(String prefix, String password) {
        return new Workload(Kind.REGISTER, List.of(prefix), password, Duration.ZERO);
    }

    /** This workload with {@code pause} between one connection's requests. */
    Workload paced(Duration pause) {
        return new Workload(kind, items, secret, pause);
    }

    String path() {
        return switch (kind) {
            case USER, JWT_USER -> PREFIX + "/user/";
            case LOGIN -> PREFIX + "/login/";
            case REGISTER -> PREFIX + "/registration/";
        };
    }

    /**
     * The {@code n}-th request of one connection (or load thread) {@code stream}: items are taken in turn from an
     * offset per stream, so connections do not march in step over the same users.
     */
    byte[] request(int port, int stream, long n) {
        StringBuilder head = new StringBuilder(256);
        boolean user = kind == Kind.USER || kind == Kind.JWT_USER;
        head.append(user ? "GET " : "POST ").append(path()).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        if (user) {
            head.append("Authorization: ").append(kind == Kind.USER ? "Token " : "Bearer ").append(item(stream, n))
                    .append("\r\n\r\n");
            return head.toString().getBytes(StandardCharsets.US_ASCII);
        }
        byte[] body = body(stream, n).getBytes(StandardCharsets.UTF_8);
        head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    private String body(int stream, long n) {
        if (kind == Kind.LOGIN) {
            return "{\"username\":\"" + item(stream, n) + "\",\"password\":\"" + secret + "\"}";
        }
        String name = items.get(0) + stream + "x" + n;
        return "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password1\":\"" + secret
                + "\",\"password2\":\"" + secret + "\"}";
    }

    private String item(int stream, long n) {
        return items.get((int) ((stream * (long) STREAM_OFFSET + n) % items.size()));
    }
}
