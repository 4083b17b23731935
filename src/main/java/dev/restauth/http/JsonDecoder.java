package dev.restauth.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads exactly one JSON value (RFC 8259) into Gson's tree and, for text that is not JSON, says what is wrong and
 * where, in the words of Python's {@code json} module that DRF's "JSON parse error - ..." quotes: "Expecting ','
 * delimiter: line 1 column 12 (char 11)". Lines and columns count from 1, {@code char} is the offset in characters
 * (code points) from 0.
 *
 * <p>Strict: no comments, single quotes, unquoted names, trailing commas, {@code NaN} or {@code Infinity}, raw control
 * characters in strings, or anything after the value; a leading byte order mark is skipped. Escaped lone surrogates
 * are kept, for the serializer to refuse in DRF's words. Iterative: nesting costs heap, not stack, and is refused
 * beyond the depth given. Numbers keep the text they were written with. One instance reads one document; not
 * thread-safe.
 */
final class JsonDecoder {
    private final String text;
    private final int maxDepth;
    private int pos;

    private JsonDecoder(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /**
     * The value {@code text} holds.
     *
     * @throws JsonParseException whose message says what is wrong and where, when {@code text} is not one JSON value
     */
    static JsonElement decode(String text, int maxDepth) {
        return new JsonDecoder(text, maxDepth).document();
    }

    private JsonElement document() {
        if (text.startsWith("\uFEFF")) {
            pos = 1;
        }
        JsonElement value = value();
        skipWhitespace();
        if (pos < text.length()) {
            throw error("Extra data", pos);
        }
        return value;
    }

    /** An object or array being read, and for an object the name whose value comes next. */
    private static final class Open {
        final JsonElement container;
        String name;

        Open(JsonElement container) {
            this.container = container;
        }
    }

    private JsonElement value() {
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            skipWhitespace();
            JsonElement value;
            int at = pos;
            char c = at < text.length() ? text.charAt(at) : 0;
            if (c == '{' || c == '[') {
                if (open.size() == maxDepth) {
                    throw error("Nesting deeper than " + maxDepth + " levels", at);
                }
                pos++;
                skipWhitespace();
                if (c == '{' && peek() == '}' || c == '[' && peek() == ']') {
                    pos++;
                    value = c == '{' ? new JsonObject() : new JsonArray();
                } else {
                    Open container = new Open(c == '{' ? new JsonObject() : new JsonArray());
                    if (c == '{') {
                        container.name = name();
                    }
                    open.push(container);
                    continue;
                }
            } else {
                value = scalar();
            }
            // A value is complete: it goes into its container, and each container its closing bracket completes goes
            // into the one around it.
            while (true) {
                Open container = open.peek();
                if (container == null) {
                    return value;
                }
                boolean object = container.container.isJsonObject();
                if (object) {
                    container.container.getAsJsonObject().add(container.name, value);
                } else {
                    container.container.getAsJsonArray().add(value);
                }
                skipWhitespace();
                char next = peek();
                if (next == ',') {
                    pos++;
                    skipWhitespace();
                    if (peek() == (object ? '}' : ']')) {
                        throw error("Illegal trailing comma before end of " + (object ? "object" : "array"), pos);
                    }
                    if (object) {
                        container.name = name();
                    }
                    break;
                }
                if (next != (object ? '}' : ']')) {
                    throw error("Expecting ',' delimiter", pos);
                }
                pos++;
                open.pop();
                value = container.container;
            }
        }
    }

    /** A member's name and the colon after it; the next character is the name's opening quote. */
    private String name() {
        if (peek() != '"') {
            throw error("Expecting property name enclosed in double quotes", pos);
        }
        String name = string();
        skipWhitespace();
        if (peek() != ':') {
            throw error("Expecting ':' delimiter", pos);
        }
        pos++;
        return name;
    }

    private JsonElement scalar() {
        char c = peek();
        if (c == '"') {
            return new JsonPrimitive(string());
        }
        if (c == '-' || c >= '0' && c <= '9') {
            if (text.startsWith("-Infinity", pos)) {
                throw error("Out of range float values are not JSON compliant", pos);
            }
            return number();
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return new JsonPrimitive(true);
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return new JsonPrimitive(false);
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return JsonNull.INSTANCE;
        }
        if (text.startsWith("NaN", pos) || text.startsWith("Infinity", pos)) {
            throw error("Out of range float values are not JSON compliant", pos);
        }
        throw error("Expecting value", pos);
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; a part that does not follow is not read. */
    private JsonElement number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("Expecting value", start);
        }
        int integral = pos;
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                pos = integral; // "1." is the number 1 followed by something that is not JSON
            }
        }
        int fraction = pos;
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                pos = fraction;
            }
        }
        return new JsonPrimitive(new WrittenNumber(text.substring(start, pos)));
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    /** A string from its opening quote, at {@code pos}, to past its closing one. */
    private String string() {
        int opening = pos++;
        StringBuilder out = null;
        int run = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("Unterminated string starting at", opening);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String tail = text.substring(run, pos++);
                return out == null ? tail : out.append(tail).toString();
            }
            if (c < 0x20) {
                throw error("Invalid control character", pos);
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, run, pos);
            out.append(escape(opening));
            run = pos;
        }
    }

    /** The character an escape sequence at {@code pos} stands for; moves past it. */
    private char escape(int opening) {
        int backslash = pos;
        char kind = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        pos += 2;
        switch (kind) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 <= text.length()) {
                    int code = 0;
                    for (int i = pos; i < pos + 4; i++) {
                        int digit = hexDigit(text.charAt(i));
                        if (digit < 0) {
                            throw error("Invalid escape sequence", backslash);
                        }
                        code = code * 16 + digit;
                    }
                    pos += 4;
                    return (char) code;
                }
                throw error("Invalid escape sequence", backslash);
            default:
                if (backslash + 1 >= text.length()) {
                    throw error("Unterminated string starting at", opening);
                }
                throw error("Invalid escape sequence", backslash);
        }
    }

    /** The value of an ASCII hexadecimal digit, or -1 (unlike {@link Character#digit}, no other script's digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    /** "{what}: line L column C (char P)", as Python words a {@code JSONDecodeError}. */
    private JsonParseException error(String what, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        int column = text.codePointCount(lineStart, at) + 1;
        int offset = text.codePointCount(0, at);
        return new JsonParseException(what + ": line " + line + " column " + column + " (char " + offset + ")");
    }

    /**
     * A JSON number as it was written, as Gson keeps numbers: {@code 1e3} reads back as {@code 1e3}, not
     * {@code 1000.0}, so a number where a string was expected becomes the same text the client sent.
     */
    private static final class WrittenNumber extends Number {
        private final String text;

        WrittenNumber(String text) {
            this.text = text;
        }

        @Override
        public int intValue() {
            return (int) longValue();
        }

        @Override
        public long longValue() {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return new BigDecimal(text).longValue();
            }
        }

        @Override
        public float floatValue() {
            return Float.parseFloat(text);
        }

        @Override
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
