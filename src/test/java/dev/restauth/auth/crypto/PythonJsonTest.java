package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PythonJsonTest {
    // Each expectation is Python 3.11's json.dumps of the same value.
    @Test
    void writesFloatsAsPythonsRepr() {
        assertEquals("5e-324", PythonJson.floatRepr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PythonJson.floatRepr(Double.MAX_VALUE));
        assertEquals("2.2250738585072014e-308", PythonJson.floatRepr(Double.MIN_NORMAL));
        assertEquals("0.3", PythonJson.floatRepr(0.3));
        assertEquals("0.3333333333333333", PythonJson.floatRepr(1.0 / 3));
        assertEquals("1e+22", PythonJson.floatRepr(1e22));
        assertEquals("1e+23", PythonJson.floatRepr(1e23));
        assertEquals("1.152921504606847e+18", PythonJson.floatRepr(Math.pow(2, 60)));
        assertEquals("9007199254740992.0", PythonJson.floatRepr(9007199254740993.0));
        assertEquals("1000000000000000.0", PythonJson.floatRepr(1e15));
        assertEquals("0.0001", PythonJson.floatRepr(1e-4));
        assertEquals("0.00012345", PythonJson.floatRepr(0.00012345));
        assertEquals("123.456", PythonJson.floatRepr(123.456));
        assertEquals("0.0", PythonJson.floatRepr(0.0));
        assertEquals("1.0", PythonJson.floatRepr(1.0));
        assertEquals("-1.5e-07", PythonJson.floatRepr(-1.5e-7));
        assertEquals("NaN", PythonJson.floatRepr(Double.NaN));
        assertEquals("Infinity", PythonJson.floatRepr(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", PythonJson.floatRepr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void breaksAnExactTieBetweenShortestCandidatesTowardTheEvenDigit() {
        // 948708954932982.75 is a double: 16 digits give ...982.7 or ...982.8, equally near; Python writes .8.
        assertEquals("948708954932982.8", PythonJson.floatRepr(948708954932982.75));
    }

    @Test
    void typesNumbersAsPythonWouldHaveReadThem() {
        assertEquals("7", PythonJson.number(7));
        assertEquals("7", PythonJson.number(7L));
        assertEquals("7.0", PythonJson.number(7.0));
        assertEquals("7.5", PythonJson.number(7.5f));
        assertEquals("1e+20", PythonJson.number(new BigDecimal("1E+20")));
        assertEquals("123456789012345678901234567890",
                PythonJson.number(JsonParser.parseString("123456789012345678901234567890").getAsNumber()));
        assertEquals("100.0", PythonJson.number(JsonParser.parseString("1e2").getAsNumber()));
    }

    @Test
    void writesCompactlyInInsertionOrderWithoutHtmlEscapes() {
        JsonObject object = new JsonObject();
        object.addProperty("b", "<&>='");
        object.add("a", new JsonArray());
        object.add("c", new JsonPrimitive(false));

        assertEquals("{\"b\":\"<&>='\",\"a\":[],\"c\":false}", PythonJson.dumps(object));
    }
}
