package dev.restauth.hostile;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

/**
 * A body that is not JSON gets DRF's {@code 400 {"detail":"JSON parse error - <what>"}}, where {@code <what>} says
 * what is wrong and where, in plain words: never a parser library's name, its advice or a link.
 */
class MalformedJsonTest {
    private static final List<String> FORBIDDEN = List.of("gson", "jsonreader", "strictness", "lenient", "http",
            "://", "exception", "malformedjson", "stream.");

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'username': 'a', 'password': 'b'}", "{username: \"a\"}", "{\"username\": \"a\",}",
            "[\"a\",]", "{\"username\" \"a\"}", "{\"username\": \"a\" \"password\": \"b\"}", "{\"a\": NaN}",
            "{\"a\": Infinity}", "{\"a\": -Infinity}", "{\"a\": 1}}", "{} []", "{\"a\": \"b", "{\"a\": \"\\x\"}",
            "{\"a\": \"\\u12\"}", "{\"a\": tru}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": 1.}", "// comment\n{}",
            "/* comment */ {}", "# comment\n{}", "{\"a\" => 1}", "{\"a\"; 1}", "{\"a\": [1, 2}", "{\"a\": {\"b\": 1]}",
            "undefined", "<html></html>", "'single'", "{\"a\":\u0001\"b\"}", "{\"a\": \"tab\there\"}",
            "{\"a\": 0x1F}", "{\"a\": +1}", "{\"a\": True}", "{\"a\": None}", "{,}", "[,]", ":", "\"unterminated",
            "{\"username\": \"ada\", \"password\": \"x\"", "{{}}", "[[[[[[[[[[", "]", "}", "nul", "-", "1e",
            "\u00a0{}", "{\"a\":1}\u0000"})
    void eachMalformedBodySaysWhatIsWrongAndWhere(String body) {
        Http.Response response = http.post("/login/", body);

        assertEquals(400, response.status(), response::toString);
        assertEquals("application/json", response.header("Content-Type"));
        String detail = response.json().get("detail").getAsString();
        assertEquals(1, response.json().size(), response::toString);
        assertTrue(detail.startsWith("JSON parse error - "), detail);
        assertTrue(detail.matches(".*: line \\d+ column \\d+ \\(char \\d+\\)"), detail);
        for (String word : FORBIDDEN) {
            assertFalse(detail.toLowerCase(Locale.ROOT).contains(word), () -> body + " -> " + detail);
        }
    }

    @Test
    void theMessageNamesWhatWasExpected() {
        assertDetail("{\"username\": \"ada\" \"password\": \"x\"}",
                "JSON parse error - Expecting ',' delimiter: line 1 column 20 (char 19)");
        assertDetail("{'username': 'ada'}",
                "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
        assertDetail("{\"username\": \"ada\",\n \"password\": }",
                "JSON parse error - Expecting value: line 2 column 14 (char 33)");
        assertDetail("{\"username\": NaN}",
                "JSON parse error - Out of range float values are not JSON compliant: line 1 column 14 (char 13)");
    }

    @Test
    void bytesThatAreNotUtf8AreAParseErrorNamingTheFirst() {
        byte[] body = "{\"username\": \"a\u00ff\"}".getBytes(ISO_8859_1);
        Http.Response response = http.sendBytes("POST", "/login/", "application/json", body, false);

        assertEquals("400 {\"detail\":\"JSON parse error - Invalid UTF-8 data: byte 0xff at position 15\"}",
                response.toString());
    }

    private static void assertDetail(String body, String detail) {
        Http.Response response = http.post("/login/", body);
        assertEquals("400 {\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}", response.toString());
    }
}
