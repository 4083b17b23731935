package dev.restauth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    @Test
    void outputIsCompactWithRawUtf8AndNoHtmlEscaping() {
        JsonObject body = new JsonObject();
        body.addProperty("new_password2", "The two password fields didn’t match.");
        body.addProperty("detail", "Method \"GET\" not allowed. <&>");
        assertEquals("{\"new_password2\":\"The two password fields didn’t match.\","
                + "\"detail\":\"Method \\\"GET\\\" not allowed. <&>\"}", Json.write(body));
    }

    /** Each malformed document, and what the parser says about it: what is wrong or expected, and where. */
    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                     | Expecting value: line 1 column 1 (char 0)
            `   `                  | Expecting value: line 1 column 4 (char 3)
            {'a': 1}               | Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
            {a: 1}                 | Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
            {"a" 1}                | Expecting ':' delimiter: line 1 column 6 (char 5)
            {"a" = 1}              | Expecting ':' delimiter: line 1 column 6 (char 5)
            {"a": 1 "b": 2}        | Expecting ',' delimiter: line 1 column 9 (char 8)
            {"a": 1; "b": 2}       | Expecting ',' delimiter: line 1 column 8 (char 7)
            [1 2]                  | Expecting ',' delimiter: line 1 column 4 (char 3)
            {"a": 1,}              | Illegal trailing comma before end of object: line 1 column 9 (char 8)
            [1, 2, ]               | Illegal trailing comma before end of array: line 1 column 8 (char 7)
            [1,,2]                 | Expecting value: line 1 column 4 (char 3)
            {"a": NaN}             | Out of range float values are not JSON compliant: line 1 column 7 (char 6)
            {"a": Infinity}        | Out of range float values are not JSON compliant: line 1 column 7 (char 6)
            {"a": -Infinity}       | Out of range float values are not JSON compliant: line 1 column 7 (char 6)
            {} {}                  | Extra data: line 1 column 4 (char 3)
            "a" "b"                | Extra data: line 1 column 5 (char 4)
            {"username":           | Expecting value: line 1 column 13 (char 12)
            {"username": "x"       | Expecting ',' delimiter: line 1 column 17 (char 16)
            {"a": "b               | Unterminated string starting at: line 1 column 7 (char 6)
            {"a": "b\\             | Unterminated string starting at: line 1 column 7 (char 6)
            {"a": "\\x"}           | Invalid escape sequence: line 1 column 8 (char 7)
            {"a": "\\u12g4"}       | Invalid escape sequence: line 1 column 8 (char 7)
            {"a": "\\u12"}         | Invalid escape sequence: line 1 column 8 (char 7)
            {"a": "\\u０１２３"}    | Invalid escape sequence: line 1 column 8 (char 7)
            {"a": tru}             | Expecting value: line 1 column 7 (char 6)
            {"a": True}            | Expecting value: line 1 column 7 (char 6)
            {"a": undefined}       | Expecting value: line 1 column 7 (char 6)
            {"a": 01}              | Expecting ',' delimiter: line 1 column 8 (char 7)
            {"a": 1.}              | Expecting ',' delimiter: line 1 column 8 (char 7)
            {"a": 1e}              | Expecting ',' delimiter: line 1 column 8 (char 7)
            {"a": -}               | Expecting value: line 1 column 7 (char 6)
            {"a": +1}              | Expecting value: line 1 column 7 (char 6)
            {"a": .5}              | Expecting value: line 1 column 7 (char 6)
            {"a": 0x10}            | Expecting ',' delimiter: line 1 column 8 (char 7)
            // a comment           | Expecting value: line 1 column 1 (char 0)
            {"é😀": x}              | Expecting value: line 1 column 8 (char 7)
            <html>                 | Expecting value: line 1 column 1 (char 0)
            """)
    void malformedDocumentsAreDescribedWithTheirPosition(String document, String message) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse(document));
        assertEquals(message, e.getMessage());
    }

    @Test
    void linesAndColumnsCountFromTheLastLineBreak() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse("{\"a\":\n  [1,\n   2 3]}"));
        assertEquals("Expecting ',' delimiter: line 3 column 6 (char 17)", e.getMessage());
    }

    @Test
    void rawControlCharactersInStringsAreRefused() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse("{\"a\": \"b\u0001\"}"));
        assertEquals("Invalid control character: line 1 column 9 (char 8)", e.getMessage());
        e = assertThrows(JsonParseException.class, () -> Json.parse("[\"tab\there\"]"));
        assertEquals("Invalid control character: line 1 column 6 (char 5)", e.getMessage());
    }

    @Test
    void noMessageNamesTheParserOrGivesAdvice() {
        for (String document : new String[] {"{'a': 1}", "{a:1}", "[1,]", "{\"a\":1}}", "{\"a\": NaN}", "/* */ {}",
                "{\"a\" => 1}", "#", "{\"a\"", "[1] x", "\"\\q\""}) {
            String message = assertThrows(JsonParseException.class, () -> Json.parse(document)).getMessage();
            for (String word : new String[] {"Gson", "JsonReader", "Strictness", "LENIENT", "http", "setLenient"}) {
                assertTrue(!message.contains(word), () -> document + " -> " + message);
            }
        }
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse(deep));
        assertEquals("Nesting deeper than 64 levels: line 1 column 65 (char 64)", e.getMessage());
        assertTrue(Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH)).isJsonArray());
        String objects = "{\"a\":".repeat(Json.MAX_DEPTH) + "1" + "}".repeat(Json.MAX_DEPTH);
        assertEquals(objects, Json.write(Json.parse(objects)));
    }

    @Test
    void validDocumentsReadAsWritten() {
        String document = " \t\r\n{\"s\": \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\", "
                + "\"n\": [0, -1, 1.5, 1e3, "
                + "-2.5E-3, 12345678901234567890], \"t\": true, \"f\": false, \"z\": null, \"o\": {}, \"l\": []} ";
        JsonObject parsed = Json.parse(document).getAsJsonObject();
        assertEquals("a\"b\\c/d\b\f\n\r\té😀", parsed.get("s").getAsString());
        JsonArray numbers = parsed.getAsJsonArray("n");
        assertEquals("[0,-1,1.5,1e3,-2.5E-3,12345678901234567890]", Json.write(numbers));
        assertEquals(1000, numbers.get(3).getAsInt());
        assertEquals(1.5, numbers.get(2).getAsDouble());
        assertEquals("{\"t\":true,\"f\":false,\"o\":{},\"l\":[]}",
                Json.write(Json.parse("{\"t\":true,\"f\":false,\"o\":{},\"l\":[]}")));
        assertTrue(parsed.get("z").isJsonNull());
        assertTrue(parsed.get("t").getAsBoolean());
    }

    @Test
    void escapedLoneSurrogatesAreKeptForTheSerializerToRefuse() {
        JsonElement parsed = Json.parse("\"\\ud800x\"");
        assertEquals("\ud800x", parsed.getAsString());
    }

    @Test
    void theLastOfARepeatedNameWinsAsInPython() {
        assertEquals("{\"a\":2}", Json.write(Json.parse("{\"a\": 1, \"a\": 2}")));
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        assertEquals("{}", Json.write(Json.parse("\uFEFF{}")));
    }

    @Test
    void pythonTypeNamesFollowDrfsMessages() {
        assertEquals("list", Json.pythonTypeName(Json.parse("[]")));
        assertEquals("str", Json.pythonTypeName(Json.parse("\"x\"")));
        assertEquals("int", Json.pythonTypeName(Json.parse("3")));
        assertEquals("float", Json.pythonTypeName(Json.parse("3.5")));
        assertEquals("float", Json.pythonTypeName(Json.parse("3e2")));
        assertEquals("bool", Json.pythonTypeName(Json.parse("true")));
        assertEquals("NoneType", Json.pythonTypeName(Json.parse("null")));
    }
}
