package dev.restauth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void outputIsCompactWithRawUtf8AndNoHtmlEscaping() {
        JsonObject body = new JsonObject();
        body.addProperty("new_password2", "The two password fields didn’t match.");
        body.addProperty("detail", "Method \"GET\" not allowed. <&>");
        assertEquals("{\"new_password2\":\"The two password fields didn’t match.\","
                + "\"detail\":\"Method \\\"GET\\\" not allowed. <&>\"}", Json.write(body));
    }

    @Test
    void parsingIsStrict() {
        assertThrows(JsonParseException.class, () -> Json.parse("{'a': 1}"));
        assertThrows(JsonParseException.class, () -> Json.parse("{\"a\": NaN}"));
        assertThrows(JsonParseException.class, () -> Json.parse("{} {}"));
        assertThrows(JsonParseException.class, () -> Json.parse("{\"username\": "));
        assertThrows(JsonParseException.class, () -> Json.parse(""));
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().startsWith("Nesting limit 64 reached"), e.getMessage());
        assertTrue(Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH)).isJsonArray());
    }

    @Test
    void pythonTypeNamesFollowDrfsMessages() {
        assertEquals("list", Json.pythonTypeName(Json.parse("[]")));
        assertEquals("str", Json.pythonTypeName(Json.parse("\"x\"")));
        assertEquals("int", Json.pythonTypeName(Json.parse("3")));
        assertEquals("float", Json.pythonTypeName(Json.parse("3.5")));
        assertEquals("bool", Json.pythonTypeName(Json.parse("true")));
        assertEquals("NoneType", Json.pythonTypeName(Json.parse("null")));
    }
}
