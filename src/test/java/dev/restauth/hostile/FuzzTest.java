package dev.restauth.hostile;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import dev.restauth.config.Settings;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;
import dev.restauth.testing.Tables;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated hostile requests to every route of the URL table (read from the running server's {@code Router}, so a
 * new endpoint is covered without touching this test): hostile bodies (malformed, deeply nested, wrong types,
 * overlong, NUL and lone surrogates, strings that grow under NFKC), hostile path parameters and queries, methods,
 * content types, credentials, cookies and headers. Every answer must be below 500 and JSON, and the database must
 * hold exactly the rows it held before: none of these requests carries a valid credential or a valid form, so none
 * may change anything. A second round adds a valid token, to reach validation and the writes behind it (rows may
 * change then), and ends with a sweep that sends each stored field alone, set to each value whose stored form is
 * longer than it looks, to every writing method of every route. A fixed seed makes a failure repeatable; the failing
 * request is in the message.
 */
class FuzzTest {
    private static final long SEED = 20261202L;
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final int REQUESTS = 400;
    private static final int AUTHENTICATED_REQUESTS = 200;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private static final String[] METHODS = {"GET", "POST", "POST", "POST", "PUT", "PATCH", "PATCH", "DELETE",
        "OPTIONS", "HEAD", "TRACE", "PROPFIND"};
    private static final String[] FIELDS = {"username", "email", "password", "password1", "password2",
        "new_password1", "new_password2", "old_password", "uid", "token", "key", "first_name", "last_name", "code",
        "id_token", "access_token", "refresh", "credential", "name", "ephemeral_token", "pk", "is_staff",
        "is_superuser", "__proto__", ""};
    /** Text no field accepts as valid: no address, no credential, nothing a form could be completed with. */
    private static final String[] STRINGS = {"", " ", "\u0000", "a\u0000b", "x".repeat(5000),
        "\uD83D\uDE00".repeat(76), "\uD83D\uDE00".repeat(151), "\uFB03".repeat(100), "\u01C6".repeat(100),
        "\uFDFA".repeat(20), "\u202Eevil", "<script>alert(1)</script>", "' OR '1'='1' --",
        "\"; DROP TABLE restauth_user; --", "../../../etc/passwd", "%00%2e%2e", "\r\nSet-Cookie: a=b",
        "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "\uD835\uDD52\uD835\uDD55\uD835\uDD5E\uD835\uDD5A\uD835\uDD5F",
        "\u0130", "\uFFFF", "\uFEFF", "0", "-1", "1e999", "NaN", "@", "a@", "@b", "a@b@c", "\u00A0@\u00A0"};
    /** Values whose stored form is longer than they look: emoji (two UTF-16 units), and letters NFKC expands. */
    private static final String[] STORED = {"\uD83D\uDE00".repeat(76), "\uFB03".repeat(100), "\u01C6".repeat(100),
        "x".repeat(250) + "@example.com"};
    private static final String[] STORED_FIELDS = {"username", "email", "first_name", "last_name", "name"};
    private static final String[] RAW_BODIES = {"{", "}", "[", "{\"a\":", "nul", "\"text\"", "123", "[1,2",
        "{\"a\":1,}", "{'a':1}", "{\"username\":\"\\ud800\"}", "{\"email\":\"\\udfff@example.com\"}",
        "{\"password\":\"\\u0000\"}", "{\"a\":1,\"a\":2}", "{\"uid\":1e99999}", "{\"uid\":-0}",
        "{\"pk\":123456789012345678901234567890}", "\uFEFF{}", "{\"a\":\"\\x41\"}", "/* */ {}", "{} {}",
        "[" .repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "\u0000",
        "username=a&password=b", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
        "application/json; charset=utf-16", "application/json; charset=bogus", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*", "application/xml", null};
    private static final String[] HEADERS = {"Authorization: Token 0123456789abcdef0123456789abcdef01234567",
        "Authorization: Token", "Authorization: Token a b", "Authorization: Bearer eyJhbGciOiJub25lIn0.e30.",
        "Authorization: Basic YWRtaW46YWRtaW4=", "Authorization: Token " + "f".repeat(4000),
        "Cookie: sessionid=garbage; csrftoken=garbage", "Cookie: sessionid=" + "a".repeat(3000),
        "Cookie: csrftoken=x", "Cookie: sessionid=\u00e9\u00e9", "X-CSRFToken: x", "X-CSRFToken: " + "b".repeat(500),
        "X-Forwarded-For: 1.2.3.4, garbage, ::1", "Accept: text/html", "Accept-Language: zz-ZZ",
        "Origin: http://evil.example", "Referer: http://evil.example/", "Accept-Encoding: gzip, br",
        "X-HTTP-Method-Override: DELETE", "Expect: 100-continue", "Accept: application/json; version=99",
        "Authorization: Token \u00ff\u00fe"};
    private static final String[] PARAMETERS = {"1", "0", "-1", "99999999999999999999", "abc", "%F0%9F%98%80",
        "%00", "a".repeat(300), "1;x=y", "1%20", "%C3%A9", "null", "MQ:1xYrI0:bad", "1e3"};
    private static final String[] SUFFIXES = {"", "", "", "?format=html", "?x=%zz", "?a=1&a=2", "?" + "q".repeat(2000)};

    @Test
    void hostileRequestsToEveryRouteWithTokensSecondFactorsAndPasskeys() {
        fuzz(TestServer.builder()
                .setting("mfa_enabled", "true")
                .setting("passkeys_enabled", "true")
                .setting("passkey_rp_id", "localhost")
                .setting("passkey_rp_name", "Fuzz")
                .setting("passkey_rp_origins", "http://localhost:8000"), "/passkeys/{param}/");
    }

    @Test
    void hostileRequestsToEveryRouteInJwtMode() {
        fuzz(TestServer.builder()
                .setting("use_jwt", "true")
                .setting("authentication_classes", "jwt,session")
                .setting("jwt_auth_cookie", "jwt-auth")
                .setting("jwt_auth_refresh_cookie", "jwt-refresh")
                .setting("jwt_auth_httponly", "false")
                .setting("jwt_rotate_refresh_tokens", "true")
                .setting("jwt_blacklist_after_rotation", "true"), "/token/refresh/");
    }

    /**
     * Sends the unauthenticated round, checks that no row changed, then the authenticated one.
     *
     * @param expectedRoute a route this configuration must have, to show its routes were read
     */
    private static void fuzz(TestServer.Builder builder, String expectedRoute) {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2);
             TestServer server = builder.dataSource(database.dataSource())
                     .customize(app -> app.backgroundWork(false)).start()) {
            server.createUser("fuzz_owner", "fuzz_owner@example.com", PASSWORD);
            String prefix = server.app().settings().get(Settings.MOUNT_PREFIX);
            List<String> routes = new ArrayList<>();
            for (String path : server.app().router().paths()) { // kept without their trailing slash
                routes.add(path.endsWith("/") ? path : path + "/");
            }
            assertTrue(routes.contains("/login/") && routes.contains(expectedRoute), routes.toString());
            routes.add("/nowhere/");
            routes.add("/");
            Map<String, String> before = withoutChallenges(Tables.snapshot(database.dataSource()));

            Random random = new Random(SEED);
            for (int i = 0; i < REQUESTS; i++) {
                send(server, request(random, prefix, routes.get(random.nextInt(routes.size())), null), i);
            }
            assertEquals(before, withoutChallenges(Tables.snapshot(database.dataSource())), "no row changed");

            // The same with a valid credential: validation and the writes behind it are reached. Rows may change
            // now (a hostile first name is still a first name), but never with a 500. Logging out ends the round.
            routes.remove("/logout/");
            String credential = credential(server);
            for (int i = 0; i < AUTHENTICATED_REQUESTS; i++) {
                send(server, request(random, prefix, routes.get(random.nextInt(routes.size())), credential), i);
            }
            // And every route's writing methods with each field that is stored set alone to each value that stresses
            // storage (lengths as the database counts them, normalisation that grows a value): none left to chance.
            int number = 0;
            for (String route : routes) {
                String path = prefix + route.replace("{param}", "1");
                for (String method : writingMethods(server, path, credential)) {
                    for (String field : STORED_FIELDS) {
                        for (String value : STORED) {
                            JsonObject body = new JsonObject();
                            body.addProperty(field, value);
                            send(server, raw(method, path, credential, GSON.toJson(body).getBytes(UTF_8)), number++);
                        }
                    }
                }
            }
        }
    }

    /** The methods among POST, PUT and PATCH that a route's {@code Allow} header lists. */
    private static List<String> writingMethods(TestServer server, String path, String credential) {
        RawHttp.Answer options = RawHttp.exchange(server.port(), raw("OPTIONS", path, credential, new byte[0]));
        String allow = options.header("Allow") == null ? "" : options.header("Allow");
        List<String> methods = new ArrayList<>();
        for (String method : List.of("POST", "PUT", "PATCH")) {
            if (List.of(allow.split(",\\s*")).contains(method)) {
                methods.add(method);
            }
        }
        return methods;
    }

    private static byte[] raw(String method, String path, String credential, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + credential
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The Authorization header of a login of fuzz_owner: its token, or its JWT access token. */
    private static String credential(TestServer server) {
        var login = server.http().post("/login/", "{\"username\":\"fuzz_owner\",\"password\":\"" + PASSWORD
                + "\"}");
        assertEquals(200, login.status(), login.toString());
        JsonObject body = login.json();
        return body.has("key") ? "Authorization: Token " + body.get("key").getAsString()
                : "Authorization: Bearer " + body.get("access").getAsString();
    }

    /** Sends one request and checks its answer: below 500, and JSON. */
    private static void send(TestServer server, byte[] request, int number) {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), request);
        String shown = "request " + number + ": " + abbreviate(new String(request, ISO_8859_1)) + "\nanswer: "
                + abbreviate(answer.toString());
        assertTrue(answer.status() < 500, shown);
        if (answer.status() == 200 && documentation(request)) {
            return; // the documentation page, its files and the YAML document: the only answers that are not JSON
        }
        String type = answer.header("Content-Type");
        assertTrue(type != null && type.startsWith("application/json"), shown);
        if (!answer.body().isEmpty()) {
            assertTrue(answer.body().startsWith("{") || answer.body().startsWith("["), shown);
        }
    }

    /** Whether a request asks for the API's documentation page or its files, or the document in YAML. */
    private static boolean documentation(byte[] request) {
        String line = new String(request, ISO_8859_1).split("\r\n", 2)[0];
        String[] parts = line.split(" ");
        if (parts.length < 2) {
            return false;
        }
        String target = parts[1];
        return target.startsWith("/rest-auth/docs") || (target.startsWith("/rest-auth/schema")
                && target.contains("format=yaml"));
    }

    /**
     * The snapshot without the WebAuthn challenges: {@code passkeys/login/begin/} issues one to anyone who asks,
     * by design (the ceremony starts before anyone is known), so that table may grow.
     */
    private static Map<String, String> withoutChallenges(Map<String, String> snapshot) {
        snapshot.remove("restauth_mfa_challenge");
        return snapshot;
    }

    /** @param credential a header line that authenticates, or null for none but the hostile ones */
    private static byte[] request(Random random, String prefix, String route, String credential) {
        String method = pick(random, METHODS);
        String path = prefix + route.replace("{param}", pick(random, PARAMETERS));
        if (random.nextInt(6) == 0 && path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        path += pick(random, SUFFIXES);
        byte[] body = method.equals("GET") && random.nextBoolean() ? new byte[0] : body(random);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        if (credential != null) {
            head.append(credential).append("\r\n");
        }
        for (int n = random.nextInt(4); n > 0; n--) {
            head.append(pick(random, HEADERS)).append("\r\n");
        }
        String type = pick(random, CONTENT_TYPES);
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] body(Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return new byte[0];
            case 1:
                return pick(random, RAW_BODIES).getBytes(UTF_8);
            case 2: // not UTF-8 at all
                return new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc0, '"', '}'};
            case 3: // UTF-16, which a JSON parser reading UTF-8 sees as NULs
                return GSON.toJson(object(random)).getBytes(UTF_16);
            case 4:
                return GSON.toJson(value(random, 0)).getBytes(UTF_8);
            default:
                return GSON.toJson(object(random)).getBytes(UTF_8);
        }
    }

    private static JsonObject object(Random random) {
        JsonObject object = new JsonObject();
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
            object.add(pick(random, FIELDS), value(random, 0));
        }
        return object;
    }

    private static JsonElement value(Random random, int depth) {
        switch (random.nextInt(depth > 2 ? 6 : 9)) {
            case 0:
                return JsonNull.INSTANCE;
            case 1:
                return new JsonPrimitive(random.nextBoolean());
            case 2:
                return new JsonPrimitive(pick(random, new Number[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1.5,
                    -0.0, 1e308, new BigInteger("123456789012345678901234567890")}));
            case 6: {
                JsonArray array = new JsonArray();
                for (int n = random.nextInt(3); n > 0; n--) {
                    array.add(value(random, depth + 1));
                }
                return array;
            }
            case 7: {
                JsonObject object = new JsonObject();
                object.add(pick(random, FIELDS), value(random, depth + 1));
                return object;
            }
            default:
                return new JsonPrimitive(pick(random, STRINGS));
        }
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "... (" + text.length() + " characters)";
    }
}
